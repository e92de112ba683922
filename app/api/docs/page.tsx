import type { Metadata } from "next";
import Link from "next/link";
import { ENDPOINTS } from "@/lib/api/registry";
import { API_BASE, buildOpenApi } from "@/lib/api/openapi";
import { API_LIMIT } from "@/lib/api/rate-limit";
import { IDEMPOTENCY_TTL_HOURS } from "@/lib/api/idempotency";
import { MethodBadge } from "./method-badge";
import { OperationView } from "./operation-view";
import { SchemaFields, schemaAnchor } from "./schema-view";

export const metadata: Metadata = { title: "API reference" };

const document = buildOpenApi();
const tags = [...new Set(ENDPOINTS.map((e) => e.tag))];

const GUIDE = [
  { id: "authentication", title: "Authentication" },
  { id: "errors", title: "Errors" },
  { id: "pagination", title: "Pagination" },
  { id: "writes", title: "Retries and conflicts" },
  { id: "rate-limits", title: "Rate limits" },
];

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section id={id} className="scroll-mt-6 space-y-2 text-sm text-zinc-700 dark:text-zinc-300">
      <h2 className="text-lg font-semibold text-zinc-900 dark:text-zinc-100">{title}</h2>
      {children}
    </section>
  );
}

const code = "rounded bg-zinc-100 px-1 font-mono text-xs dark:bg-zinc-800";

/** The reference, rendered by the app from the same OpenAPI document it serves: no CDN, no script. */
export default function ApiReferencePage() {
  const components = document.components.schemas;
  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
      <header className="mb-8 border-b border-zinc-200 pb-6 dark:border-zinc-800">
        <p className="text-sm font-medium text-brand-700 dark:text-brand-300">
          <Link href="/" className="underline-offset-2 hover:underline">Hindsight</Link>
        </p>
        <h1 className="mt-1 text-3xl font-semibold tracking-tight">API reference</h1>
        <p className="mt-2 max-w-3xl text-zinc-700 dark:text-zinc-300">
          {document.info.description} Version {document.info.version}; base path <code className={code}>{API_BASE}</code>. The machine-readable document is at{" "}
          <a href={`${API_BASE}/openapi.json`} className="font-medium text-brand-700 underline underline-offset-2 dark:text-brand-300">
            {API_BASE}/openapi.json
          </a>{" "}
          (OpenAPI 3.1).
        </p>
      </header>
      <div className="grid gap-8 lg:grid-cols-[14rem_1fr]">
        <nav aria-label="API reference" className="text-sm lg:sticky lg:top-6 lg:max-h-[calc(100dvh-3rem)] lg:self-start lg:overflow-y-auto">
          <p className="mb-1 font-semibold">Guide</p>
          <ul className="mb-4 space-y-0.5">
            {GUIDE.map((g) => (
              <li key={g.id}>
                <a href={`#${g.id}`} className="block rounded px-2 py-1 text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-900">{g.title}</a>
              </li>
            ))}
          </ul>
          {tags.map((tag) => (
            <div key={tag} className="mb-4">
              <p className="mb-1 font-semibold">{tag}</p>
              <ul className="space-y-0.5">
                {ENDPOINTS.filter((e) => e.tag === tag).map((e) => (
                  <li key={e.operationId}>
                    <a href={`#${e.operationId}`} className="flex items-center gap-2 rounded px-2 py-1 text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-900">
                      <MethodBadge method={e.method} />
                      <span>{e.summary}</span>
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          ))}
          <p className="mb-1 font-semibold">
            <a href="#schemas" className="rounded px-2 py-1 hover:bg-zinc-100 dark:hover:bg-zinc-900">Schemas</a>
          </p>
        </nav>

        <main className="min-w-0 space-y-10">
          <div className="space-y-8">
            <Section id="authentication" title="Authentication">
              <p>
                Send a token in every request: <code className={code}>Authorization: Bearer hs_pat_…</code>. Personal tokens (<code className={code}>hs_pat_</code>) are made in Account settings → API tokens and act as you, in
                the teams you choose, with read or read-and-write access. Service tokens (<code className={code}>hs_svc_</code>) are made by a team&apos;s admins in Settings → API tokens; what they write is attributed to the
                token. A read scope acts as a viewer; a write scope never exceeds its holder&apos;s role.
              </p>
              <p>The API ignores cookies: a browser session cannot call it, and a token cannot open the app. Tokens are shown once, stored hashed, and can expire and be revoked.</p>
            </Section>
            <Section id="errors" title="Errors">
              <p>
                Every failure has the same body, <code className={code}>{`{ "error": { "code", "message", "fields" } }`}</code>, with the matching status. <code className={code}>code</code> is stable for programs,{" "}
                <code className={code}>message</code> is written for people, and <code className={code}>fields</code> maps each invalid field or parameter to its messages. A team the token cannot reach answers 404, like one that
                does not exist.
              </p>
            </Section>
            <Section id="pagination" title="Pagination">
              <p>
                Lists answer <code className={code}>{`{ "data": [...], "nextCursor": "…" }`}</code>. Pass <code className={code}>nextCursor</code> back as <code className={code}>?cursor=</code> with the same filters for the next page;
                it is <code className={code}>null</code> on the last page. Cursors are keysets, so pages stay consistent while incidents are added.
              </p>
            </Section>
            <Section id="writes" title="Retries and conflicts">
              <p>
                Send <code className={code}>Idempotency-Key: &lt;uuid&gt;</code> with a POST: retrying with the same key and body within {IDEMPOTENCY_TTL_HOURS} hours returns the first response (marked{" "}
                <code className={code}>Idempotent-Replayed: true</code>) without creating anything twice; the same key with a different body is refused with 422.
              </p>
              <p>
                Incidents and tasks carry a <code className={code}>version</code> (also the <code className={code}>ETag</code>). Updates send it as <code className={code}>If-Match</code>; if someone saved in between, the update is
                refused with 409 and a message naming who, and nothing is overwritten.
              </p>
            </Section>
            <Section id="rate-limits" title="Rate limits">
              <p>
                Each token may make {API_LIMIT.max} requests a minute, counted across every instance of the app. Responses carry <code className={code}>RateLimit-Limit</code>, <code className={code}>RateLimit-Remaining</code> and{" "}
                <code className={code}>RateLimit-Reset</code> (seconds); past the limit the answer is 429 with <code className={code}>Retry-After</code>.
              </p>
            </Section>
          </div>

          {tags.map((tag) => (
            <section key={tag} aria-labelledby={`tag-${tag}`} className="space-y-4">
              <h2 id={`tag-${tag}`} className="text-xl font-semibold">{tag}</h2>
              {ENDPOINTS.filter((e) => e.tag === tag).map((endpoint) => {
                const operation = document.paths[endpoint.path]?.[endpoint.method.toLowerCase() as "get" | "post" | "patch"];
                return operation ? <OperationView key={endpoint.operationId} endpoint={endpoint} operation={operation} components={components} /> : null;
              })}
            </section>
          ))}

          <section id="schemas" aria-labelledby="schemas-heading" className="scroll-mt-6 space-y-4">
            <h2 id="schemas-heading" className="text-xl font-semibold">Schemas</h2>
            {Object.entries(components).map(([id, schema]) => (
              <div key={id} id={schemaAnchor(id)} className="scroll-mt-6 space-y-2">
                <h3 className="font-mono text-base font-semibold">{id}</h3>
                <SchemaFields schema={schema} components={components} />
              </div>
            ))}
          </section>
        </main>
      </div>
    </div>
  );
}
