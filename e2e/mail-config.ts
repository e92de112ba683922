/** The app under test sends mail here; e2e/mail.spec.ts listens on it (other specs' mail is refused and stays queued). */
export const E2E_SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 2526);
