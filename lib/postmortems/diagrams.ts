import type { JSONContent } from "@tiptap/core";
import { z } from "zod";
import { db, type Tx } from "@/lib/db";
import { locatePostmortem } from "@/lib/postmortems/locate";
import { cleanMultiLine, parseInput } from "@/lib/validation";
import { diagramKey, mermaidSources } from "@/lib/postmortems/diagram-key";

export const MAX_DIAGRAM_SVG_CHARS = 512 * 1024;
/** Drawings kept per postmortem: every edit of a diagram's source draws a new one. */
const KEEP_PER_POSTMORTEM = 50;

// The picture is only ever shown through <img>, where an SVG cannot run script or load anything;
// refusing anything but a plain <svg> document is a second fence, not the first.
const svgSchema = z
  .string()
  .max(MAX_DIAGRAM_SVG_CHARS, "This diagram's picture is too large to keep (512 KB at most).")
  .refine((svg) => /^<svg[\s>]/.test(svg.trim()) && svg.trim().endsWith("</svg>") && !/<script|javascript:/i.test(svg) && svg.trim() === cleanMultiLine(svg), "Not a diagram picture.");

const diagramSchema = z.object({
  // Only hashed, never stored: kept exactly as the editor sent it so the key matches the document.
  source: z.string().min(1, "The diagram has no source.").max(100_000, "The diagram's source is too long."),
  svg: svgSchema,
});

/**
 * Keeps the picture an editor drew for a Mermaid block, so a public page can show it without
 * drawing (Mermaid needs a browser). Derived data like the document's Markdown snapshot, so it is
 * not audited; the document change that produced it is.
 */
export async function saveDiagram(userId: string, teamSlug: string, incidentNumber: number, input: unknown): Promise<{ key: string }> {
  const data = parseInput(diagramSchema, input);
  const key = diagramKey(data.source);
  return db().$transaction(async (tx) => {
    const { teamId, postmortemId } = await locatePostmortem(tx, userId, teamSlug, incidentNumber, "postmortem.edit");
    await tx.diagramImage.upsert({
      where: { postmortemId_sourceHash: { postmortemId, sourceHash: key } },
      create: { teamId, postmortemId, sourceHash: key, svg: data.svg },
      update: { svg: data.svg },
    });
    const older = await tx.diagramImage.findMany({
      where: { postmortemId },
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      skip: KEEP_PER_POSTMORTEM,
      select: { id: true },
    });
    if (older.length > 0) await tx.diagramImage.deleteMany({ where: { id: { in: older.map((d) => d.id) }, postmortemId } });
    return { key };
  });
}

/** The pictures drawn for a document's Mermaid blocks, by diagram key; blocks never drawn are absent. */
export async function loadDiagrams(client: Tx | ReturnType<typeof db>, postmortemId: string, document: JSONContent): Promise<Record<string, string>> {
  const keys = [...new Set(mermaidSources(document).map(diagramKey))];
  if (keys.length === 0) return {};
  const rows = await client.diagramImage.findMany({ where: { postmortemId, sourceHash: { in: keys } }, select: { sourceHash: true, svg: true } });
  return Object.fromEntries(rows.map((row) => [row.sourceHash, row.svg]));
}
