import { z } from "zod";
import { singleLine } from "@/lib/validation";

export const TOKEN_NAME_MAX = 80;
export const TOKEN_LIFETIMES = ["7", "30", "90", "365", "never"] as const;

const tokenName = singleLine({ max: TOKEN_NAME_MAX, required: "Name the token after what will use it.", tooLong: `Use at most ${TOKEN_NAME_MAX} characters.` });
const lifetime = z.enum(TOKEN_LIFETIMES, { message: "Choose when the token expires." }).default("30");
const access = z.enum(["READ", "WRITE"], { message: "Choose read or write access." });

/** One "<teamId>:<READ|WRITE>" per team the token may reach; a team left at "no access" sends "". */
const scopeList = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : [v]).filter((s) => s !== ""))
  .pipe(z.array(z.string().regex(/^[^:\s]{1,64}:(READ|WRITE)$/, "Choose read or write access.")).min(1, "Give the token access to at least one team.").max(200))
  .transform((entries) => Object.fromEntries(entries.map((e) => e.split(":") as [string, "READ" | "WRITE"])));

/** The form sends one select per team, `scope:<teamId>` = "" | READ | WRITE, so each keeps its value on error. */
function scopesFromForm(input: unknown): unknown {
  if (typeof input !== "object" || input === null || "scopes" in input) return input;
  const scopes = Object.entries(input).flatMap(([key, value]) => (key.startsWith("scope:") && typeof value === "string" && value ? [`${key.slice(6)}:${value}`] : []));
  return { ...input, scopes };
}

export const createPersonalTokenSchema = z.preprocess(scopesFromForm, z.object({ name: tokenName, expiresIn: lifetime, scopes: scopeList }));
export const createServiceTokenSchema = z.object({ teamId: z.string().min(1), name: tokenName, expiresIn: lifetime, access });
export const revokePersonalTokenSchema = z.object({ tokenId: z.string().min(1) });
export const revokeServiceTokenSchema = z.object({ teamId: z.string().min(1), tokenId: z.string().min(1) });

export type TokenLifetime = (typeof TOKEN_LIFETIMES)[number];
