import { createHash } from "node:crypto";
import { createElement } from "react";
import { ImageResponse } from "next/og";
import { db } from "@/lib/db";
import { lookupPublication } from "@/lib/publishing/public-queries";
import { formatDuration, incidentDurations } from "@/lib/incidents/durations";
import type { PublicPath } from "@/lib/publishing/public-response";
import type { FoundEdition } from "@/lib/publishing/html/page";

/**
 * Public pictures follow the pages' rules: shared caches revalidate every time (ETag, cheap 304),
 * so a withdrawn edition or an unpublished page takes its pictures down with it at once.
 */
function assetHeaders(contentType: string, etag: string): Record<string, string> {
  return { "Content-Type": contentType, "Cache-Control": "public, no-cache", ETag: etag, "X-Content-Type-Options": "nosniff", "Content-Security-Policy": "default-src 'none'; sandbox" };
}

const gone = (status: number) => new Response(status === 410 ? "Gone" : "Not found", { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

const etagOf = (...parts: string[]) => `"${createHash("sha256").update(parts.join("|")).digest("base64url").slice(0, 27)}"`;

function answer(bytes: Uint8Array, contentType: string, etag: string, ifNoneMatch: string | null): Response {
  if (ifNoneMatch === etag) return new Response(null, { status: 304, headers: { ETag: etag, "Cache-Control": "public, no-cache" } });
  return new Response(new Uint8Array(bytes), { headers: assetHeaders(contentType, etag) });
}

async function drawPreview(found: FoundEdition): Promise<Uint8Array<ArrayBuffer>> {
  const { incident } = found.edition.body.facts;
  const d = incidentDurations({ startedAt: new Date(incident.startedAt), detectedAt: null, acknowledgedAt: null, mitigatedAt: null, resolvedAt: incident.resolvedAt ? new Date(incident.resolvedAt) : null });
  const chip = (text: string, background: string) =>
    createElement("div", { style: { display: "flex", padding: "8px 20px", borderRadius: 999, background, color: "white", fontSize: 30 } }, text);
  const image = new ImageResponse(
    createElement(
      "div",
      { style: { width: "100%", height: "100%", display: "flex", flexDirection: "column", justifyContent: "space-between", padding: 72, background: "#111114", color: "#ececf1" } },
      createElement("div", { style: { display: "flex", fontSize: 30, color: "#a1a1ad" } }, `${found.team.name} · Postmortem`),
      createElement("div", { style: { display: "flex", fontSize: found.edition.title.length > 60 ? 56 : 72, fontWeight: 700, lineHeight: 1.1 } }, found.edition.title.slice(0, 140)),
      createElement(
        "div",
        { style: { display: "flex", gap: 16 } },
        chip(incident.severity, "#be123c"),
        chip(formatDuration(d.total), "#4338ca"),
        chip(incident.resolvedAt ? "Resolved" : "Ongoing", incident.resolvedAt ? "#047857" : "#b45309"),
      ),
    ),
    { width: 1200, height: 630 },
  );
  return new Uint8Array(await image.arrayBuffer());
}

/**
 * The link-preview picture of an edition: its (already renamed) title, severity and duration —
 * nothing redacted can reach it. Drawn on the first request and stored with the edition.
 */
export async function previewImage(path: PublicPath, editionNumber: number | null, ifNoneMatch: string | null = null): Promise<Response> {
  const found = await lookupPublication(path, editionNumber);
  if (found.kind !== "edition") return gone(found.kind === "gone" ? 410 : 404);
  const stored = await db().publicEdition.findUniqueOrThrow({ where: { id: found.edition.id }, select: { previewImage: true } });
  const etag = etagOf("og", found.edition.id);
  if (stored.previewImage) return answer(stored.previewImage, "image/png", etag, ifNoneMatch);
  const png = await drawPreview(found);
  await db().publicEdition.updateMany({ where: { id: found.edition.id, previewImage: null }, data: { previewImage: png } });
  return answer(png, "image/png", etag, ifNoneMatch);
}

/** An uploaded image, served publicly only if that live edition of this link shows it. */
export async function editionImage(path: PublicPath, editionNumber: number | null, uploadId: string, ifNoneMatch: string | null = null): Promise<Response> {
  const found = await lookupPublication(path, editionNumber);
  if (found.kind === "gone") return gone(410);
  if (found.kind !== "edition" || !/^[A-Za-z0-9_-]{10,40}$/.test(uploadId) || !found.edition.body.markdown.includes(`/api/uploads/${uploadId})`)) return gone(404);
  const upload = await db().upload.findFirst({ where: { id: uploadId, postmortem: { publication: { id: found.publicationId } } }, select: { data: true, contentType: true } });
  if (!upload) return gone(404);
  return answer(upload.data, upload.contentType, etagOf("image", found.edition.id, uploadId), ifNoneMatch);
}
