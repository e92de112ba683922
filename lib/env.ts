import { z } from "zod";
import { parseTrustProxy } from "@/lib/auth/client-ip";
import { parseAllowList } from "@/lib/net/address-policy";

const optional = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().url({ message: "DATABASE_URL must be a postgres:// URL" }),
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters"),
  NEXTAUTH_URL: optional,
  GITHUB_ID: optional,
  GITHUB_SECRET: optional,
  GOOGLE_CLIENT_ID: optional,
  GOOGLE_CLIENT_SECRET: optional,
  OIDC_ISSUER: optional,
  OIDC_CLIENT_ID: optional,
  OIDC_CLIENT_SECRET: optional,
  OIDC_NAME: optional,
  /** smtp://user:pass@host:587 or smtps://…:465; unset keeps every mail in the outbox (lib/mail). */
  SMTP_URL: optional.refine((v) => v === undefined || /^smtps?:\/\//.test(v), "SMTP_URL must start with smtp:// or smtps://"),
  MAIL_FROM: optional,
  /** Comma-separated e-mail addresses of the instance's operators: they read every outgoing mail, account mails included. */
  INSTANCE_ADMINS: optional,
  TRUST_PROXY: optional.superRefine((value, ctx) => {
    try {
      parseTrustProxy(value);
    } catch (error) {
      ctx.addIssue({ code: "custom", message: error instanceof Error ? error.message : String(error) });
    }
  }),
  OUTBOUND_ALLOW_PRIVATE: optional.superRefine((value, ctx) => {
    try {
      parseAllowList(value);
    } catch (error) {
      ctx.addIssue({ code: "custom", message: `use comma-separated CIDR ranges such as 10.0.0.0/8,fd00::/8 (${error instanceof Error ? error.message : String(error)})` });
    }
  }),
  SLACK_API_URL: optional,
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

/** Parsed lazily so `next build` can run without a database or secret in the environment. */
export function env(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment:\n${problems}`);
  }
  cached = parsed.data;
  return cached;
}
