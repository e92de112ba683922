import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, CardHeader } from "@/components/ui/card";
import { Moment } from "@/components/time/moment";
import { DiffView } from "@/components/postmortems/diff-view";
import { can } from "@/lib/authz";
import { requireTeamContext } from "@/lib/teams/actor";
import { getIncident } from "@/lib/incidents/queries";
import { formatIncidentNumber } from "@/lib/incidents/labels";
import { getPostmortemForIncident, getSnapshotMarkdown, listSnapshots } from "@/lib/postmortems/queries";
import { diffMarkdown } from "@/lib/postmortems/diff";
import type { SnapshotKind } from "@/lib/generated/prisma/enums";
import { RestoreButton, SaveVersionForm } from "./version-forms";

type Params = { team: string; number: string };
type Search = { after?: string; from?: string; to?: string };

export const metadata: Metadata = { title: "Postmortem history" };

const KIND_LABEL: Record<SnapshotKind, string> = { AUTO: "Automatic", NAMED: "Named", STATUS: "Status change", RESTORE: "Restore" };

export default async function HistoryPage({ params, searchParams }: { params: Promise<Params>; searchParams: Promise<Search> }) {
  const { team: slug, number } = await params;
  const search = await searchParams;
  const { team, actor } = await requireTeamContext(slug);
  const incident = await getIncident(actor, team.id, Number(number));
  if (!incident) notFound();
  const postmortem = await getPostmortemForIncident(actor, team.id, incident.id);
  if (!postmortem) notFound();
  const base = `/t/${team.slug}/incidents/${incident.number}/postmortem`;
  const page = await listSnapshots(actor, team.id, postmortem.id, search.after);
  const canEdit = can(actor, "postmortem.edit", { teamId: team.id });
  const canSave = can(actor, "postmortem.snapshot", { teamId: team.id });

  const from = search.from ? await getSnapshotMarkdown(actor, team.id, postmortem.id, search.from) : null;
  const to = search.to && search.to !== "current" ? await getSnapshotMarkdown(actor, team.id, postmortem.id, search.to) : null;
  const toMarkdown = to?.markdown ?? postmortem.markdown;
  const diff = from ? diffMarkdown(from.markdown, toMarkdown) : null;
  const describe = (v: { name: string; contentVersion: number }) => v.name || `version ${v.contentVersion}`;

  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm text-zinc-600 dark:text-zinc-400">
        <Link href={`/t/${team.slug}/incidents/${incident.number}`} className="font-mono hover:underline">{formatIncidentNumber(incident.number)}</Link> /{" "}
        <Link href={base} className="hover:underline">Postmortem</Link> / History
      </nav>
      <h1 className="text-2xl font-semibold tracking-tight">History of “{postmortem.title}”</h1>

      {diff && from && (
        <Card>
          <CardHeader
            title={`Changes from ${describe(from)} to ${to ? describe(to) : "the current text"}`}
            description={`${diff.added} line${diff.added === 1 ? "" : "s"} added, ${diff.removed} removed.`}
            actions={<Link href={base + "/history"} className="text-sm text-brand-700 hover:underline dark:text-brand-100">Close</Link>}
          />
          <div className="p-5">
            {diff.added + diff.removed === 0 ? <p className="text-sm text-zinc-600 dark:text-zinc-400">No differences in the text.</p> : <DiffView blocks={diff.blocks} />}
          </div>
        </Card>
      )}

      {canSave && (
        <Card>
          <CardHeader title="Save a version" description="Versions are also kept automatically every ten minutes while people write, and at every status change." />
          <div className="p-5">
            <SaveVersionForm teamId={team.id} postmortemId={postmortem.id} />
          </div>
        </Card>
      )}

      <Card>
        <CardHeader title="Versions" description={`The current text is version ${postmortem.contentVersion}. Restoring a version adds it as a new change; nothing is lost.`} />
        {page.items.length === 0 ? (
          <p className="p-5 text-sm text-zinc-600 dark:text-zinc-400">No saved versions yet. One is kept automatically once people start writing.</p>
        ) : (
          <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {page.items.map((snapshot, i) => (
              <li key={snapshot.id} className="flex flex-wrap items-center justify-between gap-3 px-5 py-3 text-sm">
                <div className="min-w-0">
                  <p className="font-medium break-words">{describe(snapshot)}</p>
                  <p className="text-xs text-zinc-600 dark:text-zinc-400">
                    {KIND_LABEL[snapshot.kind]} · version {snapshot.contentVersion} · <Moment date={snapshot.createdAt} timeZone={incident.timeZone} withDate />
                    {snapshot.createdBy ? ` · ${snapshot.createdBy.name}` : ""}
                  </p>
                </div>
                <div className="flex flex-wrap items-center gap-2">
                  {page.items[i + 1] && (
                    <Link href={`${base}/history?from=${page.items[i + 1]!.id}&to=${snapshot.id}`} className="rounded-md px-2.5 py-1 text-sm ring-1 ring-zinc-300 hover:bg-zinc-50 dark:ring-zinc-700 dark:hover:bg-zinc-800">
                      What changed
                    </Link>
                  )}
                  <Link href={`${base}/history?from=${snapshot.id}&to=current`} className="rounded-md px-2.5 py-1 text-sm ring-1 ring-zinc-300 hover:bg-zinc-50 dark:ring-zinc-700 dark:hover:bg-zinc-800">
                    Compare with current
                  </Link>
                  {canEdit && <RestoreButton teamId={team.id} postmortemId={postmortem.id} snapshotId={snapshot.id} label={describe(snapshot)} />}
                </div>
              </li>
            ))}
          </ul>
        )}
        {page.nextCursor && (
          <div className="border-t border-zinc-200 px-5 py-3 dark:border-zinc-800">
            <Link href={`${base}/history?after=${page.nextCursor}`} className="text-sm text-brand-700 hover:underline dark:text-brand-100">Older versions</Link>
          </div>
        )}
      </Card>
    </div>
  );
}
