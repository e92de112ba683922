import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, CardHeader } from "@/components/ui/card";
import { Alert } from "@/components/ui/alert";
import { SeverityBadge } from "@/components/incidents/badges";
import { PostmortemStatusBadge } from "@/components/postmortems/status-badge";
import { DocumentView } from "@/components/postmortems/document-view";
import { DiffView } from "@/components/postmortems/diff-view";
import { SignOffRecord } from "@/components/reviews/sign-off-record";
import { PolicyChecklist } from "@/components/reviews/policy-checklist";
import { PolicyShortfall } from "@/components/reviews/policy-shortfall";
import { Moment } from "@/components/time/moment";
import { requireTeamContext } from "@/lib/teams/actor";
import { getIncident } from "@/lib/incidents/queries";
import { formatIncidentNumber } from "@/lib/incidents/labels";
import { getPostmortemForIncident } from "@/lib/postmortems/queries";
import { loadPostmortemFacts } from "@/lib/postmortems/facts";
import { listThreads } from "@/lib/comments/queries";
import { changesSinceLastLook, getReviewState, listReviewerOptions } from "@/lib/reviews/queries";
import { DecisionForms, RequestReviewForm, WithdrawForm } from "./review-forms";

type Params = { team: string; number: string };

export const metadata: Metadata = { title: "Postmortem review" };

const lines = (n: number) => `${n} ${n === 1 ? "line" : "lines"}`;

export default async function ReviewPage({ params }: { params: Promise<Params> }) {
  const { team: slug, number } = await params;
  const { team, actor } = await requireTeamContext(slug);
  const incident = await getIncident(actor, team.id, Number(number));
  if (!incident) notFound();
  const postmortem = await getPostmortemForIncident(actor, team.id, incident.id);
  if (!postmortem) notFound();
  const base = `/t/${team.slug}/incidents/${incident.number}/postmortem`;
  const [state, facts, threads, candidates, changes] = await Promise.all([
    getReviewState(actor, team.id, postmortem.id),
    loadPostmortemFacts(actor, team.id, incident.id),
    listThreads(actor, team.id, postmortem.id),
    listReviewerOptions(actor, team.id),
    changesSinceLastLook(actor, team.id, postmortem.id),
  ]);
  if (!facts) notFound();
  const ids = { teamId: team.id, postmortemId: postmortem.id };
  const status = state.subject.status;
  const isAuthor = state.subject.authorId === actor.userId;
  const requested = state.reviewers.map((r) => r.id);
  const latest = state.record[0];
  const changesRequested = latest?.decision === "CHANGES_REQUESTED" ? latest : undefined;
  const settingsHref = state.canEditPolicy ? `/t/${team.slug}/settings/sign-off` : null;

  return (
    <div className="space-y-6">
      <div>
        <nav aria-label="Breadcrumb" className="text-sm text-zinc-600 dark:text-zinc-400">
          <Link href={`/t/${team.slug}/incidents/${incident.number}`} className="font-mono hover:underline">{formatIncidentNumber(incident.number)}</Link> /{" "}
          <Link href={base} className="hover:underline">Postmortem</Link> / Review
        </nav>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight break-words">{postmortem.title}</h1>
        <div className="mt-2 flex flex-wrap items-center gap-2 text-sm text-zinc-600 dark:text-zinc-400">
          <PostmortemStatusBadge status={status} />
          <SeverityBadge severity={incident.severity} />
          <span>Version {state.subject.contentVersion}</span>
          <Link href={base} className="text-brand-700 hover:underline dark:text-brand-100">Open the editor</Link>
        </div>
      </div>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <div className="min-w-0 space-y-6">
          {changes.diff && (
            <Card>
              <CardHeader title="What changed" description={`Since ${changes.since}: ${lines(changes.diff.added)} added, ${lines(changes.diff.removed)} removed.`} />
              <div className="p-5">
                <DiffView blocks={changes.diff.blocks} />
              </div>
            </Card>
          )}
          <Card>
            <CardHeader title="The postmortem as it will read" description="Live blocks show the incident's facts as they are now." />
            <div className="p-5 sm:p-8">
              <DocumentView markdown={postmortem.markdown} facts={facts} />
            </div>
          </Card>
        </div>

        <aside className="space-y-6">
          <Card>
            <CardHeader title={`Sign-off for a ${incident.severity}`} description="The team's current policy, on the current version." />
            <div className="space-y-4 p-5">
              <PolicyChecklist checklist={state.result.checklist} />
              {!state.result.met && <PolicyShortfall shortfall={state.shortfall} settingsHref={settingsHref} />}
              {state.policyChangedDuringReview && (status === "IN_REVIEW" || status === "APPROVED") && (
                <Alert tone="info">
                  The team changed its sign-off policy on <Moment date={state.policyChangedDuringReview} timeZone={incident.timeZone} withDate />, during this review. The checklist
                  applies the new policy to the current version.
                </Alert>
              )}
              {status === "APPROVED" && (
                <Alert tone="success">
                  Approved: it meets the policy and <Link href={`${base}/publish`} className="underline">can be published</Link>.
                </Alert>
              )}
              {status === "DRAFT" && changesRequested && (
                <Alert tone="info">
                  {changesRequested.reviewerId === actor.userId ? "You" : changesRequested.reviewerName} requested changes to version {changesRequested.contentVersion}: “{changesRequested.comment}”{" "}
                  {isAuthor ? "Edit the postmortem, then ask for review again." : "The author edits it, then asks for review again."}
                </Alert>
              )}
              {state.reviewers.length > 0 && (
                <ul className="space-y-1 text-sm" aria-label="Reviewers">
                  {state.reviewers.map((r) => (
                    <li key={r.id} className="flex justify-between gap-2">
                      <span>{r.name}{!r.isMember && " (left the team)"}</span>
                      <span className="text-zinc-600 dark:text-zinc-400">
                        {r.counted ? "approved ✓" : r.decision === "APPROVED" ? `approved v${r.version} (stale)` : r.decision === "CHANGES_REQUESTED" ? `changes requested (v${r.version})` : "waiting"}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </Card>

          {state.canReview && (status === "IN_REVIEW" || status === "APPROVED") && (
            <Card>
              <CardHeader title="Your decision" description={`You are reviewing version ${state.subject.contentVersion}.`} />
              <div className="p-5">
                <DecisionForms ids={ids} contentVersion={state.subject.contentVersion} factsVersion={state.subject.factsVersion} approvedVersion={state.myApproval?.version ?? null} />
              </div>
            </Card>
          )}
          {isAuthor && (status === "IN_REVIEW" || status === "APPROVED") && <p className="text-sm text-zinc-600 dark:text-zinc-400">You wrote this postmortem, so you cannot approve it.</p>}

          {state.canRequest && (status === "DRAFT" || status === "IN_REVIEW") && (
            <Card>
              <CardHeader title="Reviewers" />
              <div className="space-y-3 p-5">
                <RequestReviewForm
                  ids={ids}
                  candidates={candidates.filter((c) => c.id !== state.subject.authorId)}
                  requested={requested}
                  inReview={status === "IN_REVIEW"}
                  needed={state.rule.approvals}
                  warning={state.shortfall.possible ? null : <PolicyShortfall shortfall={state.shortfall} settingsHref={settingsHref} />}
                />
                {status === "IN_REVIEW" && <WithdrawForm ids={ids} />}
              </div>
            </Card>
          )}

          <Card>
            <CardHeader title="Open comments" />
            <div className="p-5 text-sm">
              {threads.open.length === 0 ? (
                <p className="text-zinc-600 dark:text-zinc-400">No open comment threads.</p>
              ) : (
                <ul className="space-y-2">
                  {threads.open.map((t) => (
                    <li key={t.id}>
                      <Link href={`${base}#thread-${t.id}`} className="block hover:underline">
                        <span className="italic">“{t.quote}”</span> — {t.comments[0]?.author?.name ?? "someone"}: {t.comments[0]?.body}
                        {t.comments.length > 1 && <span className="text-zinc-600 dark:text-zinc-400"> (+{t.comments.length - 1})</span>}
                      </Link>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </Card>

          <Card>
            <CardHeader title="Sign-off record" description="Every decision, with the version and content hash it was made on." />
            <div className="p-5">
              <SignOffRecord record={state.record} timeZone={incident.timeZone} />
            </div>
          </Card>
        </aside>
      </div>
    </div>
  );
}
