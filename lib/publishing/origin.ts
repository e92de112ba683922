/** The app's public URL for links and previews on public pages: NEXTAUTH_URL, which `npm start` always sets. */
export function publicOrigin(): string {
  return (process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, "");
}
