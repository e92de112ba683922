/** The Y.XmlFragment Tiptap's Collaboration extension edits. */
export const FRAGMENT = "default";
/** A document's Yjs state may not grow past this. */
export const MAX_DOCUMENT_BYTES = 4 * 1024 * 1024;
/** One websocket message (one paste, one burst of typing) may not exceed this. */
export const MAX_UPDATE_BYTES = 512 * 1024;
/** The editor refuses larger pastes before they are sent, with a message (the server would refuse them anyway). */
export const MAX_PASTE_CHARS = 200 * 1024;
