import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, CardHeader } from "@/components/ui/card";
import { SeverityBadge } from "@/components/incidents/badges";
import { Moment } from "@/components/time/moment";
import { can } from "@/lib/authz";
import { requireTeamContext } from "@/lib/teams/actor";
import { listMemberOptions } from "@/lib/teams/queries";
import { getIncident } from "@/lib/incidents/queries";
import { formatIncidentNumber } from "@/lib/incidents/labels";
import { getPostmortemForIncident } from "@/lib/postmortems/queries";
import { loadPostmortemFacts } from "@/lib/postmortems/facts";
import { listTemplates } from "@/lib/postmortems/templates/queries";
import { listThreads } from "@/lib/comments/queries";
import { documentNameFor } from "@/lib/collab/document-name";
import { PostmortemWorkspace } from "@/components/postmortems/editor/workspace";
import { PostmortemStatusBadge } from "@/components/postmortems/status-badge";
import { LiveRefresh } from "@/components/incidents/live-refresh";
import { StartForm } from "./start-form";
import { ImportForm } from "./import-form";

type Params = { team: string; number: string };

async function load(params: Promise<Params>) {
  const { team: slug, number } = await params;
  const context = await requireTeamContext(slug);
  const incident = await getIncident(context.actor, context.team.id, Number(number));
  if (!incident) notFound();
  return { ...context, incident };
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { incident } = await load(params);
  return { title: `Postmortem · ${formatIncidentNumber(incident.number)} ${incident.title}` };
}

export default async function PostmortemPage({ params }: { params: Promise<Params> }) {
  const { team, actor, user, incident } = await load(params);
  const base = `/t/${team.slug}/incidents/${incident.number}`;
  const postmortem = await getPostmortemForIncident(actor, team.id, incident.id);
  const breadcrumb = (
    <nav aria-label="Breadcrumb" className="text-sm text-zinc-600 dark:text-zinc-400">
      <Link href={`/t/${team.slug}/incidents`} className="hover:underline">Incidents</Link> /{" "}
      <Link href={base} className="font-mono hover:underline">{formatIncidentNumber(incident.number)}</Link> / Postmortem
    </nav>
  );

  if (!postmortem) {
    const canStart = can(actor, "postmortem.create", { teamId: team.id });
    const templates = canStart ? await listTemplates(actor, team.id) : [];
    return (
      <div className="mx-auto max-w-4xl space-y-6">
        {breadcrumb}
        <Card>
          <CardHeader
            title={`Postmortem for ${incident.title}`}
            description="Write it together: everyone edits the same document live, and the incident's times, timeline and tasks appear in it without copying."
          />
          <div className="p-5">
            {canStart ? (
              <StartForm teamId={team.id} incidentId={incident.id} defaultTitle={incident.title} templates={templates} />
            ) : (
              <p className="text-sm text-zinc-600 dark:text-zinc-400">No postmortem has been started yet. A member of the team can start one.</p>
            )}
          </div>
        </Card>
        {canStart && (
          <Card>
            <CardHeader title="Or import a file" description="Markdown written elsewhere (its headings become the sections), or a Markdown or JSON export from Hindsight (it comes back as it was: sections, internal passages, live blocks)." />
            <div className="p-5">
              <ImportForm teamId={team.id} incidentId={incident.id} />
            </div>
          </Card>
        )}
      </div>
    );
  }

  const [facts, threads, members] = await Promise.all([
    loadPostmortemFacts(actor, team.id, incident.id),
    listThreads(actor, team.id, postmortem.id),
    listMemberOptions(actor, team.id),
  ]);
  if (!facts) notFound();
  return (
    <div className="space-y-5">
      <div>
        {breadcrumb}
        <div className="mt-2 flex flex-wrap items-start justify-between gap-4">
          <div className="min-w-0">
            <h1 className="text-2xl font-semibold tracking-tight break-words">{postmortem.title}</h1>
            <div className="mt-2 flex flex-wrap items-center gap-2 text-sm text-zinc-600 dark:text-zinc-400">
              <PostmortemStatusBadge status={postmortem.status} />
              <SeverityBadge severity={incident.severity} />
              <span>
                Version {postmortem.contentVersion} · last edit <Moment date={postmortem.lastEditedAt} timeZone={incident.timeZone} withDate />
                {postmortem.lastEditor ? ` by ${postmortem.lastEditor.name}` : ""}
              </span>
              <span>· from “{postmortem.templateName}”</span>
              <LiveRefresh url={`${base}/live`} />
            </div>
          </div>
          <nav aria-label="Postmortem" className="flex flex-wrap gap-2 text-sm">
            <Link href={`${base}/postmortem/history`} className="rounded-md px-3 py-1.5 ring-1 ring-zinc-300 hover:bg-zinc-50 dark:ring-zinc-700 dark:hover:bg-zinc-800">
              History
            </Link>
            <Link href={`${base}/postmortem/review`} className="rounded-md bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700">
              {postmortem.status === "DRAFT" ? "Review and sign-off" : "Review"}
            </Link>
            <Link href={`${base}/postmortem/publish`} className="rounded-md px-3 py-1.5 ring-1 ring-zinc-300 hover:bg-zinc-50 dark:ring-zinc-700 dark:hover:bg-zinc-800">
              {postmortem.status === "PUBLISHED" ? "Published" : "Publish"}
            </Link>
            {/* Drafts too: the file is the team's own copy, internal passages included. */}
            <a href={`${base}/postmortem/export?format=md`} download className="rounded-md px-3 py-1.5 ring-1 ring-zinc-300 hover:bg-zinc-50 dark:ring-zinc-700 dark:hover:bg-zinc-800">
              Export Markdown
            </a>
            <a href={`${base}/postmortem/export?format=json`} download className="rounded-md px-3 py-1.5 ring-1 ring-zinc-300 hover:bg-zinc-50 dark:ring-zinc-700 dark:hover:bg-zinc-800">
              Export JSON
            </a>
          </nav>
        </div>
      </div>
      <PostmortemWorkspace
        documentName={documentNameFor(postmortem.id)}
        tokenUrl={`${base}/postmortem/token`}
        collabPath={process.env.COLLAB_PUBLIC_URL ?? "/collab"}
        uploadUrl={`${base}/postmortem/uploads`}
        diagramsUrl={`${base}/postmortem/diagrams`}
        incidentHref={base}
        user={{ id: user.id, name: user.name }}
        canEdit={can(actor, "postmortem.edit", { teamId: team.id })}
        canComment={can(actor, "postmortem.comment", { teamId: team.id })}
        teamId={team.id}
        postmortemId={postmortem.id}
        facts={facts}
        threads={threads}
        members={members}
      />
    </div>
  );
}
