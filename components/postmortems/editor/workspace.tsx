"use client";

import { useCallback, useState } from "react";
import type { Editor } from "@tiptap/react";
import { Alert } from "@/components/ui/alert";
import type { PostmortemFacts } from "@/lib/postmortems/facts";
import type { ThreadList } from "@/lib/comments/queries";
import { FactsContext } from "@/components/postmortems/editor/facts-context";
import { useCollabSession } from "@/components/postmortems/editor/use-collab-session";
import { PostmortemEditor } from "@/components/postmortems/editor/postmortem-editor";
import { Presence } from "@/components/postmortems/editor/presence";
import { ConnectionStatus } from "@/components/postmortems/editor/connection-status";
import { DocumentSize } from "@/components/postmortems/editor/document-size";
import { CommentsPanel, type PendingComment } from "@/components/postmortems/comments/comments-panel";
import type { Member } from "@/components/postmortems/comments/mention-textarea";

type Props = {
  documentName: string;
  tokenUrl: string;
  collabPath: string;
  uploadUrl: string;
  diagramsUrl: string;
  incidentHref: string;
  user: { id: string; name: string };
  canEdit: boolean;
  canComment: boolean;
  teamId: string;
  postmortemId: string;
  facts: PostmortemFacts;
  threads: ThreadList;
  members: Member[];
};

/** The postmortem as the team writes it together: presence and connection state, the shared editor, and the comment threads beside it. */
export function PostmortemWorkspace(props: Props) {
  const state = useCollabSession(props.documentName, props.tokenUrl, props.collabPath, props.user.id);
  const [editor, setEditor] = useState<Editor | null>(null);
  const [pending, setPending] = useState<PendingComment | null>(null);
  const [threadState, setThreadState] = useState<{ anchored: Set<string>; active: string | null }>({ anchored: new Set(), active: null });

  const onThreads = useCallback((anchored: Set<string>, active: string | null) => setThreadState({ anchored, active }), []);

  function anchor(threadId: string, at: PendingComment) {
    editor?.chain().setTextSelection({ from: at.from, to: at.to }).setMark("comment", { threadId }).run();
    setPending(null);
  }

  function show(threadId: string) {
    const target = editor?.view.dom.querySelector(`[data-thread-id="${CSS.escape(threadId)}"]`);
    if (!target) return;
    target.scrollIntoView({ block: "center", behavior: "smooth" });
    target.classList.add("comment-anchor--flash");
    setTimeout(() => target.classList.remove("comment-anchor--flash"), 1200);
  }

  return (
    <FactsContext.Provider value={{ facts: props.facts, incidentHref: props.incidentHref }}>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0 space-y-3">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
              <ConnectionStatus state={state} />
              {state.session && <DocumentSize doc={state.session.doc} />}
            </div>
            {state.session?.provider && <Presence provider={state.session.provider} selfClientId={state.session.doc.clientID} />}
          </div>
          {state.stopped && <Alert tone="error">{state.stopped}</Alert>}
          {state.notice && !state.stopped && <Alert tone="info">{state.notice}</Alert>}
          {!props.canEdit && <Alert tone="info">You can read this postmortem; your role cannot edit it.</Alert>}
          {state.session ? (
            <PostmortemEditor
              session={state.session}
              user={props.user}
              editable={props.canEdit && state.loaded && state.stopped === null}
              canComment={props.canComment}
              uploadUrl={props.uploadUrl}
              diagramsUrl={props.diagramsUrl}
              onComment={setPending}
              onReady={setEditor}
              onThreads={onThreads}
            />
          ) : (
            <div className="h-96 animate-pulse rounded-lg bg-zinc-100 dark:bg-zinc-900" aria-label="Loading the document" />
          )}
        </div>
        <aside className="space-y-6">
          <CommentsPanel
            teamId={props.teamId}
            postmortemId={props.postmortemId}
            timeZone={props.facts.incident.timeZone}
            threads={props.threads}
            members={props.members}
            canComment={props.canComment}
            pending={pending}
            activeThreadId={threadState.active}
            anchored={threadState.anchored}
            onCreated={anchor}
            onCancel={() => setPending(null)}
            onShow={show}
          />
        </aside>
      </div>
    </FactsContext.Provider>
  );
}
