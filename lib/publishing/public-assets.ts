import { createElement } from "react";
import { ImageResponse } from "next/og";
import { db } from "@/lib/db";
import { lookupPublication } from "@/lib/publishing/public-queries";
import { formatDuration, incidentDurations } from "@/lib/incidents/durations";
import type { PublicPath } from "@/lib/publishing/public-response";

/** The link-preview picture: title, severity and duration of the latest edition — nothing redacted can reach it. */
export async function previewImage(path: PublicPath): Promise<Response> {
  const found = await lookupPublication(path, null);
  if (found.kind !== "edition") return new Response("Not found", { status: found.kind === "gone" ? 410 : 404 });
  const { incident } = found.edition.body.facts;
  const d = incidentDurations({ startedAt: new Date(incident.startedAt), detectedAt: null, acknowledgedAt: null, mitigatedAt: null, resolvedAt: incident.resolvedAt ? new Date(incident.resolvedAt) : null });
  const chip = (text: string, background: string) =>
    createElement("div", { style: { display: "flex", padding: "8px 20px", borderRadius: 999, background, color: "white", fontSize: 30 } }, text);
  return new ImageResponse(
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
    { width: 1200, height: 630, headers: { "Cache-Control": "public, max-age=300" } },
  );
}

/** An uploaded image, served publicly only if the live edition of this link shows it. */
export async function editionImage(path: PublicPath, uploadId: string): Promise<Response> {
  const found = await lookupPublication(path, null);
  if (found.kind !== "edition" || !/^[A-Za-z0-9_-]{10,40}$/.test(uploadId) || !found.edition.body.markdown.includes(`/api/uploads/${uploadId})`)) {
    return new Response("Not found", { status: 404 });
  }
  const upload = await db().upload.findFirst({ where: { id: uploadId, postmortem: { publication: { id: found.publicationId } } }, select: { data: true, contentType: true } });
  if (!upload) return new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(upload.data), {
    headers: { "Content-Type": upload.contentType, "Cache-Control": "public, max-age=3600", "X-Content-Type-Options": "nosniff", "Content-Security-Policy": "default-src 'none'; sandbox" },
  });
}
