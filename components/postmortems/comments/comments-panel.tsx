"use client";

import { useActionState, useState, useTransition } from "react";
import { Moment } from "@/components/time/moment";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import { cx } from "@/components/ui/cx";
import { idle } from "@/lib/action-state";
import { replyAction, resolveThreadAction, startThreadAction } from "@/lib/comments/actions";
import { COMMENTS_PER_THREAD } from "@/lib/comments/limits";
import type { Thread, ThreadList } from "@/lib/comments/queries";
import { MentionTextarea, type Member } from "@/components/postmortems/comments/mention-textarea";

export type PendingComment = { quote: string; from: number; to: number };

type Props = {
  teamId: string;
  postmortemId: string;
  timeZone: string;
  threads: ThreadList;
  members: Member[];
  canComment: boolean;
  pending: PendingComment | null;
  activeThreadId: string | null;
  /** Threads whose passage is still in the document; the others show their quote as removed. */
  anchored: ReadonlySet<string>;
  onCreated: (threadId: string, pending: PendingComment) => void;
  onCancel: () => void;
  onShow: (threadId: string) => void;
};

function NewThread({ teamId, postmortemId, members, pending, onCreated, onCancel }: Pick<Props, "teamId" | "postmortemId" | "members" | "onCreated" | "onCancel"> & { pending: PendingComment }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, startTransition] = useTransition();
  return (
    <form
      className="space-y-2 rounded-lg border border-brand-500 bg-white p-3 dark:bg-zinc-900"
      onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        startTransition(async () => {
          const result = await startThreadAction(idle, form);
          if (result.status === "ok") onCreated(result.data.threadId, pending);
          else if (result.status === "error") setError(result.error.fields?.body?.[0] ?? result.error.message);
        });
      }}
    >
      <blockquote className="border-l-2 border-amber-400 pl-2 text-xs text-zinc-600 italic dark:text-zinc-400">{pending.quote}</blockquote>
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="postmortemId" value={postmortemId} />
      <input type="hidden" name="quote" value={pending.quote} />
      <MentionTextarea name="body" members={members} label="New comment" autoFocus />
      {error && <Alert tone="error">{error}</Alert>}
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={busy}>{busy ? "Posting…" : "Comment"}</Button>
        <Button size="sm" variant="ghost" onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}

function Reply({ teamId, threadId, members }: { teamId: string; threadId: string; members: Member[] }) {
  const [state, action] = useActionState(replyAction, idle);
  // A new key after each posted reply empties the box; on error the typed text comes back.
  return (
    <form action={action} key={state.status === "ok" ? `sent-${state.data.commentId}` : "reply"} className="space-y-2">
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="threadId" value={threadId} />
      <MentionTextarea name="body" members={members} label="Reply" defaultValue={state.status === "error" ? (state.values.body ?? "") : ""} />
      {state.status === "error" && <Alert tone="error">{state.error.fields?.body?.[0] ?? state.error.message}</Alert>}
      <SubmitButton size="sm" variant="secondary" pendingLabel="Posting…">Reply</SubmitButton>
    </form>
  );
}

function ResolveButton({ teamId, threadId, resolved }: { teamId: string; threadId: string; resolved: boolean }) {
  const [state, action] = useActionState(resolveThreadAction, idle);
  return (
    <form action={action}>
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="threadId" value={threadId} />
      <input type="hidden" name="resolved" value={resolved ? "false" : "true"} />
      <SubmitButton size="sm" variant="ghost">{resolved ? "Reopen" : "Resolve"}</SubmitButton>
      {state.status === "error" && <Alert tone="error">{state.error.message}</Alert>}
    </form>
  );
}

function ThreadCard({ thread, props }: { thread: Thread; props: Props }) {
  const anchored = props.anchored.has(thread.id);
  return (
    <li
      id={`thread-${thread.id}`}
      className={cx(
        "space-y-2 rounded-lg border bg-white p-3 text-sm dark:bg-zinc-900",
        props.activeThreadId === thread.id ? "border-brand-500 ring-1 ring-brand-500" : "border-zinc-200 dark:border-zinc-800",
      )}
    >
      <button type="button" onClick={() => props.onShow(thread.id)} className="block w-full text-left" disabled={!anchored}>
        <blockquote className={cx("border-l-2 pl-2 text-xs italic", anchored ? "border-amber-400 text-zinc-600 dark:text-zinc-400" : "border-zinc-300 text-zinc-500 line-through")}>
          {thread.quote}
        </blockquote>
        {!anchored && <span className="text-xs text-zinc-600 dark:text-zinc-400">The passage was removed from the document.</span>}
      </button>
      <ol className="space-y-2">
        {thread.comments.slice(0, COMMENTS_PER_THREAD).map((comment) => (
          <li key={comment.id} id={`comment-${comment.id}`}>
            <p className="text-xs text-zinc-600 dark:text-zinc-400">
              <span className="font-semibold text-zinc-900 dark:text-zinc-100">{comment.author?.name ?? "Former member"}</span> · <Moment date={comment.createdAt} timeZone={props.timeZone} withDate />
            </p>
            <p className="break-words whitespace-pre-line">{comment.body}</p>
          </li>
        ))}
      </ol>
      {thread.comments.length > COMMENTS_PER_THREAD && <p className="text-xs text-zinc-600 dark:text-zinc-400">Showing the first {COMMENTS_PER_THREAD} comments.</p>}
      {thread.resolvedAt && <p className="text-xs text-emerald-700 dark:text-emerald-300">Resolved by {thread.resolvedBy?.name ?? "someone"}</p>}
      {props.canComment && (
        <div className="space-y-2 border-t border-zinc-100 pt-2 dark:border-zinc-800">
          {!thread.resolvedAt && <Reply teamId={props.teamId} threadId={thread.id} members={props.members} />}
          <ResolveButton teamId={props.teamId} threadId={thread.id} resolved={thread.resolvedAt !== null} />
        </div>
      )}
    </li>
  );
}

/** Threads anchored to passages of the document: open ones to work through, resolved ones kept for the record. */
export function CommentsPanel(props: Props) {
  const { threads, pending } = props;
  const [showResolved, setShowResolved] = useState(false);
  return (
    <section aria-labelledby="comments-heading" className="space-y-3">
      <h2 id="comments-heading" className="text-sm font-semibold">
        Comments <span className="font-normal text-zinc-600 dark:text-zinc-400">({threads.open.length} open)</span>
      </h2>
      {pending && <NewThread {...props} pending={pending} />}
      {threads.open.length === 0 && !pending && (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{props.canComment ? "Select text in the document and choose Comment to start a discussion." : "No open comments."}</p>
      )}
      <ul className="space-y-3">
        {threads.open.map((thread) => (
          <ThreadCard key={thread.id} thread={thread} props={props} />
        ))}
      </ul>
      {threads.resolvedCount > 0 && (
        <div>
          <button type="button" className="text-sm text-brand-700 hover:underline dark:text-brand-100" aria-expanded={showResolved} onClick={() => setShowResolved((v) => !v)}>
            {showResolved ? "Hide" : "Show"} {threads.resolvedCount} resolved
          </button>
          {showResolved && (
            <ul className="mt-3 space-y-3 opacity-80">
              {threads.resolved.map((thread) => (
                <ThreadCard key={thread.id} thread={thread} props={props} />
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
