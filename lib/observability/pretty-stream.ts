import type { DestinationStream } from "pino";

const FIXED = new Set(["time", "level", "service", "msg", "reqId"]);

/** One readable line per JSON entry, for `npm start` in a terminal (pino-pretty would be one more dependency for this). */
export function prettyStream(out: NodeJS.WritableStream): DestinationStream {
  return {
    write(line: string) {
      const entry = JSON.parse(line) as Record<string, unknown>;
      const time = typeof entry.time === "string" ? entry.time.slice(11, 19) : "";
      const rest = Object.entries(entry)
        .filter(([key]) => !FIXED.has(key))
        .map(([key, value]) => `${key}=${typeof value === "string" ? value : JSON.stringify(value)}`);
      const reqId = typeof entry.reqId === "string" ? ` ${entry.reqId.slice(0, 8)}` : "";
      out.write(`${time} ${String(entry.level).toUpperCase().padEnd(5)} [${String(entry.service)}]${reqId} ${String(entry.msg ?? "")}${rest.length ? `  ${rest.join(" ")}` : ""}\n`);
    },
  };
}
