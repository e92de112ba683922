import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { SeverityBadge } from "@/components/incidents/badges";
import { PostmortemStatusBadge } from "@/components/postmortems/status-badge";
import { Moment } from "@/components/time/moment";
import { cx } from "@/components/ui/cx";
import { requireTeamContext } from "@/lib/teams/actor";
import { formatIncidentNumber } from "@/lib/incidents/labels";
import { listPostmortems, postmortemFiltersSchema, type PostmortemFilters } from "@/lib/reviews/list";
import type { PostmortemStatus } from "@/lib/generated/prisma/enums";

export const metadata: Metadata = { title: "Postmortems" };

const VIEWS: { view: PostmortemFilters["view"]; label: string }[] = [
  { view: "all", label: "All" },
  { view: "mine", label: "Awaiting my review" },
  { view: "overdue", label: "Overdue" },
];
const STATUSES: { status: PostmortemStatus; label: string }[] = [
  { status: "DRAFT", label: "Drafts" },
  { status: "IN_REVIEW", label: "In review" },
  { status: "APPROVED", label: "Approved" },
  { status: "PUBLISHED", label: "Published" },
];

const EMPTY: Record<PostmortemFilters["view"], { title: string; body: string }> = {
  all: { title: "No postmortems yet", body: "Open a resolved incident and choose “Start postmortem”: it starts from a template with the incident's facts already in it." },
  mine: { title: "Nothing awaits your review", body: "When someone asks you to review a postmortem, it shows up here." },
  overdue: { title: "Nothing overdue", body: "Every incident resolved longer ago than the team's limit has an approved postmortem. Limits are set per severity in Settings → Sign-off policy." },
};

export default async function PostmortemsPage({ params, searchParams }: { params: Promise<{ team: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { team, actor } = await requireTeamContext((await params).team);
  const raw = await searchParams;
  const filters = postmortemFiltersSchema.parse({ view: raw.view, status: raw.status, after: typeof raw.after === "string" ? raw.after : undefined });
  const page = await listPostmortems(actor, team.id, filters);
  const base = `/t/${team.slug}/postmortems`;
  const href = (patch: Partial<PostmortemFilters>) => {
    const next = { view: filters.view, status: filters.status, ...patch };
    const query = new URLSearchParams();
    if (next.view && next.view !== "all") query.set("view", next.view);
    if (next.status && next.view === "all") query.set("status", next.status);
    if (next.after) query.set("after", next.after);
    return query.size ? `${base}?${query}` : base;
  };
  const chip = (active: boolean) =>
    cx("rounded-full px-3 py-1 text-sm ring-1 ring-inset", active ? "bg-brand-600 text-white ring-brand-600" : "ring-zinc-300 hover:bg-zinc-100 dark:ring-zinc-700 dark:hover:bg-zinc-800");
  return (
    <>
      <PageHeader title="Postmortems" description="Drafts, reviews and approved write-ups, with what is waiting on you and what is overdue." />
      <nav aria-label="Postmortem views" className="mb-4 flex flex-wrap gap-2">
        {VIEWS.map((v) => (
          <Link key={v.view} href={href({ view: v.view, status: undefined, after: undefined })} aria-current={filters.view === v.view && !filters.status ? "page" : undefined} className={chip(filters.view === v.view && !filters.status)}>
            {v.label}
          </Link>
        ))}
        <span aria-hidden="true" className="mx-1 self-center text-zinc-300">|</span>
        {STATUSES.map((s) => (
          <Link key={s.status} href={href({ view: "all", status: s.status, after: undefined })} aria-current={filters.status === s.status ? "page" : undefined} className={chip(filters.status === s.status)}>
            {s.label}
          </Link>
        ))}
      </nav>
      {page.items.length === 0 ? (
        <EmptyState title={EMPTY[filters.view].title}>{EMPTY[filters.view].body}</EmptyState>
      ) : (
        <ul className="divide-y divide-zinc-200 overflow-hidden rounded-xl bg-white shadow-sm ring-1 ring-zinc-200 dark:divide-zinc-800 dark:bg-zinc-900 dark:ring-zinc-800">
          {page.items.map((row) => (
            <li key={`${row.incidentNumber}`} className="flex flex-wrap items-center justify-between gap-3 px-5 py-3">
              <div className="min-w-0">
                <Link href={`/t/${team.slug}/incidents/${row.incidentNumber}/postmortem${row.status === "IN_REVIEW" ? "/review" : ""}`} className="font-medium break-words hover:underline">
                  {row.id ? row.title : `No postmortem yet for “${row.incidentTitle}”`}
                </Link>
                <p className="mt-0.5 flex flex-wrap items-center gap-2 text-xs text-zinc-600 dark:text-zinc-400">
                  <span className="font-mono">{formatIncidentNumber(row.incidentNumber)}</span>
                  <SeverityBadge severity={row.severity} />
                  {row.resolvedAt && (
                    <span>
                      resolved <Moment date={row.resolvedAt} timeZone={row.timeZone} withDate />
                    </span>
                  )}
                  {row.lastEditedAt && (
                    <span>
                      · edited <Moment date={row.lastEditedAt} timeZone={row.timeZone} withDate />
                    </span>
                  )}
                </p>
              </div>
              <div className="flex items-center gap-3 text-sm text-zinc-600 dark:text-zinc-400">
                {row.reviewers > 0 && <span>{row.approvals} of {row.required} approvals</span>}
                {row.status ? <PostmortemStatusBadge status={row.status} /> : <span className="text-amber-700 dark:text-amber-300">not started</span>}
              </div>
            </li>
          ))}
        </ul>
      )}
      {page.nextCursor && (
        <div className="mt-4">
          <Link href={href({ after: page.nextCursor })} className="text-sm text-brand-700 hover:underline dark:text-brand-100">Older</Link>
        </div>
      )}
    </>
  );
}
