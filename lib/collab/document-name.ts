const PREFIX = "postmortem.";

/** The collaboration server's name for a postmortem's document. */
export function documentNameFor(postmortemId: string): string {
  return PREFIX + postmortemId;
}

export function postmortemIdFrom(documentName: string): string | null {
  if (!documentName.startsWith(PREFIX)) return null;
  const id = documentName.slice(PREFIX.length);
  return /^[a-z0-9]{10,40}$/i.test(id) ? id : null;
}
