/** Where the collaboration server listens (on 127.0.0.1). Read when the app is built, since the /collab proxy is fixed at build. */
export function collabPort(): number {
  return Number(process.env.COLLAB_PORT ?? 1234);
}
