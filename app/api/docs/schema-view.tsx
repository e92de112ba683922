import type { JsonSchema } from "@/lib/api/openapi";
import { Markdown } from "@/components/markdown/markdown";

type Components = Record<string, JsonSchema>;

const REF = "#/components/schemas/";

export const schemaAnchor = (id: string) => `schema-${id}`;

function refName(schema: JsonSchema): string | null {
  return typeof schema.$ref === "string" && schema.$ref.startsWith(REF) ? schema.$ref.slice(REF.length) : null;
}

/** A short, readable type: `string (date-time)`, `Incident[]`, `"SEV1" | "SEV2"`, `string | null`. */
export function TypeLabel({ schema }: { schema: JsonSchema }) {
  const ref = refName(schema);
  if (ref) {
    return (
      <a href={`#${schemaAnchor(ref)}`} className="text-brand-700 underline underline-offset-2 dark:text-brand-300">
        {ref}
      </a>
    );
  }
  if (Array.isArray(schema.enum)) return <>{schema.enum.map((v) => JSON.stringify(v)).join(" | ")}</>;
  if (schema.const !== undefined) return <>{JSON.stringify(schema.const)}</>;
  const options = Array.isArray(schema.anyOf) ? (schema.anyOf as JsonSchema[]) : null;
  if (options?.length === 2 && options[1]?.type === "array" && JSON.stringify(options[1].items) === JSON.stringify(options[0])) {
    // A repeatable query parameter: one value, or the parameter repeated.
    return (
      <>
        <TypeLabel schema={options[1]} /> (repeatable)
      </>
    );
  }
  if (Array.isArray(schema.anyOf)) {
    return (
      <>
        {(schema.anyOf as JsonSchema[]).map((option, i) => (
          <span key={i}>
            {i > 0 && " | "}
            <TypeLabel schema={option} />
          </span>
        ))}
      </>
    );
  }
  if (schema.type === "array" && schema.items) {
    const items = schema.items as JsonSchema;
    const several = Array.isArray(items.enum) ? items.enum.length > 1 : Array.isArray(items.anyOf);
    return (
      <>
        {several && "("}
        <TypeLabel schema={items} />
        {several && ")"}[]
      </>
    );
  }
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : typeof schema.type === "string" ? [schema.type] : [];
  if (types.length === 0) return <>any JSON</>;
  const format = typeof schema.format === "string" ? ` (${schema.format})` : "";
  return <>{types.map((t) => (t === "string" ? `string${format}` : t)).join(" | ")}</>;
}

/** Limits worth telling a caller; regex patterns are left to the JSON document. */
function constraints(schema: JsonSchema): string[] {
  const notes: string[] = [];
  if (typeof schema.maxLength === "number") notes.push(`at most ${schema.maxLength} characters`);
  if (typeof schema.minimum === "number") notes.push(`≥ ${schema.minimum}`);
  if (typeof schema.exclusiveMinimum === "number") notes.push(`> ${schema.exclusiveMinimum}`);
  if (typeof schema.maximum === "number" && schema.maximum < 1e15) notes.push(`≤ ${schema.maximum}`);
  if (typeof schema.maxItems === "number") notes.push(`at most ${schema.maxItems} items`);
  if (schema.default !== undefined) notes.push(`default ${JSON.stringify(schema.default)}`);
  return notes;
}

function objectOf(schema: JsonSchema, components: Components): JsonSchema | null {
  const ref = refName(schema);
  const resolved = ref ? components[ref] : schema;
  return resolved && resolved.type === "object" && resolved.properties ? resolved : null;
}

/** The fields of an object schema as a definition list; nested objects (not named schemas) open inline. */
export function SchemaFields({ schema, components, depth = 0 }: { schema: JsonSchema; components: Components; depth?: number }) {
  const object = objectOf(schema, components);
  if (!object) {
    return (
      <p className="text-sm">
        <span className="font-mono text-xs">
          <TypeLabel schema={schema} />
        </span>
      </p>
    );
  }
  const required = new Set((object.required as string[] | undefined) ?? []);
  return (
    <dl className="divide-y divide-zinc-200 rounded-md ring-1 ring-zinc-200 dark:divide-zinc-800 dark:ring-zinc-800">
      {Object.entries(object.properties as Record<string, JsonSchema>).map(([name, property]) => {
        const notes = constraints(property);
        const nested = !refName(property) && depth < 2 ? objectOf(property.type === "array" && property.items ? (property.items as JsonSchema) : property, components) : null;
        return (
          <div key={name} className="px-3 py-2">
            <dt className="flex flex-wrap items-baseline gap-x-2 text-sm">
              <code className="font-mono font-semibold">{name}</code>
              <span className="font-mono text-xs text-zinc-600 dark:text-zinc-400">
                <TypeLabel schema={property} />
              </span>
              {required.has(name) && <span className="text-xs font-medium text-red-700 dark:text-red-400">required</span>}
            </dt>
            {(typeof property.description === "string" || notes.length > 0) && (
              <dd className="mt-0.5 text-sm text-zinc-700 dark:text-zinc-300">
                {typeof property.description === "string" && <Markdown>{property.description}</Markdown>}
                {notes.length > 0 && <p className="text-xs text-zinc-600 dark:text-zinc-400">{notes.join(", ")}</p>}
              </dd>
            )}
            {nested && (
              <dd className="mt-2 ml-3">
                <SchemaFields schema={nested} components={components} depth={depth + 1} />
              </dd>
            )}
          </div>
        );
      })}
    </dl>
  );
}
