import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { createLogger, setProcessLogger } from "../../lib/observability/logger";
import { routeConsoleTo } from "../../lib/observability/console";
import { observeRequest } from "../../lib/observability/request-log";
import { requestContext } from "../../lib/observability/request-context";
import { routeMatcherFor } from "../../lib/observability/route-pattern";

/**
 * Logging for `npm run web`: JSON lines with a request id on every line (the app's own console
 * output included). Returns the wrapper each request goes through.
 */
export function observeWebServer(): (request: IncomingMessage, response: ServerResponse, next: () => void) => void {
  const log = setProcessLogger(createLogger({ service: "web" }));
  routeConsoleTo(log);
  const routeOf = routeMatcherFor(path.join(process.cwd(), ".next"));
  return (request, response, next) => {
    const context = observeRequest(request, response, { logger: log, routeOf });
    requestContext().run(context, next);
  };
}
