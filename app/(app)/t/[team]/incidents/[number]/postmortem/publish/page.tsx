import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, CardHeader } from "@/components/ui/card";
import { Alert } from "@/components/ui/alert";
import { Moment } from "@/components/time/moment";
import { PostmortemStatusBadge } from "@/components/postmortems/status-badge";
import { can } from "@/lib/authz";
import { requireTeamContext } from "@/lib/teams/actor";
import { getIncident } from "@/lib/incidents/queries";
import { formatIncidentNumber } from "@/lib/incidents/labels";
import { getPostmortemStatus } from "@/lib/postmortems/queries";
import { getPublishingView } from "@/lib/publishing/queries";
import { publicationPath } from "@/lib/publishing/slug";
import { PUBLISH_FORM_ID, PublishForm, RevokeForm, WithdrawEditionForm } from "./publish-forms";
import { PeopleReplacements } from "./people-replacements";

type Params = { team: string; number: string };

export const metadata: Metadata = { title: "Publish postmortem" };

const LEAK_LABEL = { email: "E-mail address", ip: "IP address", hostname: "Internal host name", person: "Team member's name", secret: "Looks like a key or token" } as const;

export default async function PublishPage({ params }: { params: Promise<Params> }) {
  const { team: slug, number } = await params;
  const { team, actor } = await requireTeamContext(slug);
  const incident = await getIncident(actor, team.id, Number(number));
  if (!incident) notFound();
  const status = await getPostmortemStatus(actor, team.id, incident.id);
  if (!status) notFound();
  const view = await getPublishingView(actor, team.id, status.id);
  const base = `/t/${team.slug}/incidents/${incident.number}/postmortem`;
  const publishable = view.postmortem.status === "APPROVED" || view.postmortem.status === "PUBLISHED";
  const live = view.publication && !view.publication.revokedAt && view.publication.editions.length > 0;
  const link = view.publication ? publicationPath(view.publication, team.slug) : null;
  const canPublish = can(actor, "postmortem.publish", { teamId: team.id });
  const liveEditions = view.publication?.editions.filter((e) => !e.withdrawnAt) ?? [];
  const latest = liveEditions[0] ?? view.publication?.editions[0];

  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm text-zinc-600 dark:text-zinc-400">
        <Link href={`/t/${team.slug}/incidents/${incident.number}`} className="font-mono hover:underline">{formatIncidentNumber(incident.number)}</Link> /{" "}
        <Link href={base} className="hover:underline">Postmortem</Link> / Publish
      </nav>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">Publish “{view.postmortem.title}”</h1>
        <PostmortemStatusBadge status={view.postmortem.status} />
      </div>

      {live && link && (
        <Alert tone="success">
          Public at{" "}
          <a href={link} className="font-mono underline" target="_blank" rel="noopener">
            {link}
          </a>{" "}
          — edition {latest?.number}, version {latest?.contentVersion}.
        </Alert>
      )}
      {view.publication?.revokedAt && <Alert tone="info">Taken down: the link answers “gone”. Publishing again brings it back as a new edition.</Alert>}
      {!publishable && (
        <Alert tone="info">
          Only an approved postmortem can be published. <Link href={`${base}/review`} className="underline">Go to review and sign-off</Link>.
        </Alert>
      )}

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <div className="space-y-6">
          <Card>
            <CardHeader
              title="Redaction check"
              description="What will be public, and what looks like it should not be."
              actions={
                <a href={`${base}/publish/preview`} target="_blank" rel="noopener" className="text-sm font-medium text-brand-700 hover:underline dark:text-brand-100">
                  Open the preview ↗
                </a>
              }
            />
            <div className="space-y-4 p-5 text-sm">
              <p>
                Left out as internal: {view.omitted.sections} section{view.omitted.sections === 1 ? "" : "s"}, {view.omitted.passages} passage{view.omitted.passages === 1 ? "" : "s"},{" "}
                {view.omitted.events} timeline event{view.omitted.events === 1 ? "" : "s"}, {view.omitted.tasks} task{view.omitted.tasks === 1 ? "" : "s"}. Authors and owners are left out of the timeline and tasks; empty sections are left out.
              </p>
              <PeopleReplacements people={view.mentioned} mentions={view.mentions} roleOptions={view.roleOptions} formId={PUBLISH_FORM_ID} editable={canPublish && publishable} />
              {view.undrawnDiagrams > 0 && (
                <p className="text-amber-800 dark:text-amber-200">
                  {view.undrawnDiagrams === 1 ? "1 diagram has" : `${view.undrawnDiagrams} diagrams have`} not been drawn yet and would show as Mermaid source.{" "}
                  <Link href={base} className="font-medium underline">Open the editor</Link> for a moment to draw {view.undrawnDiagrams === 1 ? "it" : "them"}, then reload this page.
                </p>
              )}
              {view.leaks.length === 0 ? (
                <p className="text-emerald-700 dark:text-emerald-300">Nothing else flagged: no e-mail or IP addresses, internal host names, member names left or key-like strings found.</p>
              ) : (
                <div>
                  <p className="font-medium text-amber-800 dark:text-amber-200">{view.leaks.length} possible leak{view.leaks.length === 1 ? "" : "s"}: mark them internal in the editor or on the incident, or confirm they may be public.</p>
                  <ul className="mt-2 space-y-2" aria-label="Possible leaks">
                    {view.leaks.map((leak) => (
                      <li key={`${leak.kind}:${leak.match}`} className="rounded-md bg-amber-50 p-2 dark:bg-amber-950/30">
                        <span className="font-medium">{LEAK_LABEL[leak.kind]}:</span> <code className="break-all">{leak.match}</code>
                        <span className="block text-xs text-zinc-600 dark:text-zinc-400">{leak.context}</span>
                      </li>
                    ))}
                  </ul>
                </div>
              )}
            </div>
          </Card>

          {view.publication && view.publication.editions.length > 0 && (
            <Card>
              <CardHeader title="Editions" />
              <ol className="divide-y divide-zinc-200 text-sm dark:divide-zinc-800">
                {view.publication.editions.map((e) => (
                  <li key={e.number} className="flex flex-wrap justify-between gap-2 px-5 py-2">
                    <span>
                      Edition {e.number} (version {e.contentVersion}){e.note ? ` — ${e.note}` : ""}
                      {e.withdrawnAt && <span className="ml-2 rounded bg-red-50 px-1.5 py-0.5 text-xs font-medium text-red-800 dark:bg-red-950/40 dark:text-red-200">Withdrawn: {e.withdrawnNote}</span>}
                    </span>
                    <span className="text-zinc-600 dark:text-zinc-400">
                      <Moment date={e.publishedAt} timeZone={incident.timeZone} withDate /> · {e.publishedBy?.name ?? "former member"}
                    </span>
                    {canPublish && live && !e.withdrawnAt && liveEditions.length > 1 && <WithdrawEditionForm teamId={team.id} postmortemId={view.postmortem.id} edition={e.number} />}
                  </li>
                ))}
              </ol>
            </Card>
          )}

          <Card>
            <CardHeader title="Export" description="The internal postmortem, with everything (internal passages included)." />
            <div className="flex flex-wrap gap-3 p-5 text-sm">
              <a className="rounded-md px-3 py-1.5 ring-1 ring-zinc-300 hover:bg-zinc-50 dark:ring-zinc-700 dark:hover:bg-zinc-800" href={`${base}/export?format=md`}>Markdown</a>
              <a className="rounded-md px-3 py-1.5 ring-1 ring-zinc-300 hover:bg-zinc-50 dark:ring-zinc-700 dark:hover:bg-zinc-800" href={`${base}/export?format=json`}>JSON</a>
              <a className="rounded-md px-3 py-1.5 ring-1 ring-zinc-300 hover:bg-zinc-50 dark:ring-zinc-700 dark:hover:bg-zinc-800" href={`${base}/publish/preview`} target="_blank" rel="noopener">PDF (print the preview)</a>
            </div>
          </Card>
        </div>

        <aside className="space-y-6">
          {canPublish && publishable ? (
            <Card>
              <CardHeader title={live ? "Publish a correction" : "Publish"} />
              <div className="p-5">
                <PublishForm
                  teamId={team.id}
                  postmortemId={view.postmortem.id}
                  contentVersion={view.postmortem.contentVersion}
                  teamSlug={team.slug}
                  republish={Boolean(view.publication?.editions.length)}
                  leaks={view.leaks.length}
                  defaults={{
                    title: latest?.title ?? view.postmortem.title,
                    subtitle: latest?.subtitle ?? "",
                    customSlug: view.publication?.customSlug ?? "",
                    noindex: view.publication?.noindex ?? true,
                    listed: view.publication?.listed ?? false,
                  }}
                />
              </div>
            </Card>
          ) : null}
          {canPublish && live && (
            <Card>
              <CardHeader title="Take it down" description="The link will answer “410 Gone”." />
              <div className="p-5">
                <RevokeForm teamId={team.id} postmortemId={view.postmortem.id} />
              </div>
            </Card>
          )}
        </aside>
      </div>
    </div>
  );
}
