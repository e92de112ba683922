import type { Endpoint } from "@/lib/api/endpoint";
import { API_BASE, STATUS_DESCRIPTIONS, type JsonSchema, type Operation } from "@/lib/api/openapi";
import { Markdown } from "@/components/markdown/markdown";
import { MethodBadge } from "./method-badge";
import { SchemaFields, TypeLabel } from "./schema-view";

const PLACEHOLDERS: Record<string, string> = { team: "my-team", number: "42", taskId: "TASK_ID" };

function curlFor(endpoint: Endpoint): string {
  const path = endpoint.path.replace(/\{(\w+)\}/g, (_m, name: string) => PLACEHOLDERS[name] ?? name.toUpperCase());
  const lines = [`curl -sS -X ${endpoint.method} "$HINDSIGHT_URL${API_BASE}${path}"`, `  -H "Authorization: Bearer $HINDSIGHT_TOKEN"`];
  if (endpoint.body) lines.push(`  -H "Content-Type: application/json"`);
  if (endpoint.method === "POST") lines.push(`  -H "Idempotency-Key: $(uuidgen)"`);
  if (endpoint.method === "PATCH") lines.push(`  -H 'If-Match: "3"'`);
  if (endpoint.body) lines.push(`  -d '${JSON.stringify(endpoint.example ?? {})}'`);
  return lines.join(" \\\n");
}

function Heading({ children }: { children: React.ReactNode }) {
  return <h4 className="mt-5 mb-2 text-xs font-semibold tracking-wide text-zinc-600 uppercase dark:text-zinc-400">{children}</h4>;
}

export function OperationView({ endpoint, operation, components }: { endpoint: Endpoint; operation: Operation; components: Record<string, JsonSchema> }) {
  const body = operation.requestBody?.content["application/json"].schema ?? null;
  const success = operation.responses[String(endpoint.response.status)] as { content: Record<string, { schema: JsonSchema }> };
  const successSchema = Object.values(success.content)[0]?.schema;
  const errorStatuses = Object.keys(operation.responses).filter((s) => s !== String(endpoint.response.status)).map(Number);
  return (
    <article id={endpoint.operationId} className="scroll-mt-6 rounded-xl bg-white p-5 shadow-sm ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800">
      <h3 className="text-lg font-semibold">{endpoint.summary}</h3>
      <p className="mt-2 flex flex-wrap items-center gap-2">
        <MethodBadge method={endpoint.method} />
        <code className="font-mono text-sm break-all">
          {API_BASE}
          {endpoint.path}
        </code>
        <span className="rounded-full bg-zinc-100 px-2 py-0.5 text-xs text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">scope: {endpoint.access.toLowerCase()}</span>
      </p>
      {endpoint.description && <Markdown className="prose-hindsight mt-3 text-zinc-700 dark:text-zinc-300">{endpoint.description}</Markdown>}

      {operation.parameters.length > 0 && (
        <>
          <Heading>Parameters</Heading>
          <dl className="divide-y divide-zinc-200 rounded-md ring-1 ring-zinc-200 dark:divide-zinc-800 dark:ring-zinc-800">
            {operation.parameters.map((p) => (
              <div key={`${p.in}-${p.name}`} className="px-3 py-2">
                <dt className="flex flex-wrap items-baseline gap-x-2 text-sm">
                  <code className="font-mono font-semibold">{p.name}</code>
                  <span className="font-mono text-xs text-zinc-600 dark:text-zinc-400">
                    <TypeLabel schema={p.schema as JsonSchema} />
                  </span>
                  <span className="text-xs text-zinc-600 dark:text-zinc-400">in {p.in}</span>
                  {p.required && <span className="text-xs font-medium text-red-700 dark:text-red-400">required</span>}
                </dt>
                {"description" in p && p.description ? (
                  <dd className="mt-0.5 text-zinc-700 dark:text-zinc-300">
                    <Markdown>{String(p.description)}</Markdown>
                  </dd>
                ) : null}
              </div>
            ))}
          </dl>
        </>
      )}

      {body && (
        <>
          <Heading>Request body (application/json)</Heading>
          <SchemaFields schema={body} components={components} />
        </>
      )}

      <Heading>Example</Heading>
      <pre className="overflow-x-auto rounded-md bg-zinc-950 p-3 font-mono text-xs text-zinc-100">{curlFor(endpoint)}</pre>

      <Heading>
        Response {endpoint.response.status} ({endpoint.response.contentType ?? "application/json"})
      </Heading>
      <p className="mb-2 text-sm text-zinc-700 dark:text-zinc-300">{endpoint.response.description}</p>
      {successSchema && <SchemaFields schema={successSchema} components={components} />}

      <Heading>Errors</Heading>
      <ul className="space-y-1 text-sm">
        {errorStatuses.map((status) => (
          <li key={status}>
            <code className="font-mono font-semibold">{status}</code> <span className="text-zinc-700 dark:text-zinc-300">{STATUS_DESCRIPTIONS[status]}</span>
          </li>
        ))}
      </ul>
    </article>
  );
}
