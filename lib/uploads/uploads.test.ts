import { describe, expect, it } from "vitest";
import { declareIncident } from "@/lib/incidents/mutations";
import { startPostmortem } from "@/lib/postmortems/mutations";
import { saveImage, MAX_UPLOAD_BYTES } from "@/lib/uploads/mutations";
import { readImage } from "@/lib/uploads/queries";
import { sniffImageType } from "@/lib/uploads/image-type";
import { createTeamWith } from "@/lib/testing/factories";
import { rejection } from "@/lib/testing/errors";

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const file = (bytes: Uint8Array, name = "graph.png", type = "image/png") => new File([new Uint8Array(bytes)], name, { type });

async function setup() {
  const ctx = await createTeamWith(["VIEWER"]);
  const incident = await declareIncident(ctx.owner.userId, { teamId: ctx.team.id, title: "Reports stopped" });
  await startPostmortem(ctx.owner.userId, { teamId: ctx.team.id, incidentId: incident.id, templateId: "builtin:standard", title: "T" });
  return { ...ctx, number: 1 };
}

describe("image uploads", () => {
  it("recognises images by their bytes, and refuses SVG and disguised files", () => {
    expect(sniffImageType(PNG)).toBe("image/png");
    expect(sniffImageType(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toBe("image/jpeg");
    expect(sniffImageType(new TextEncoder().encode("GIF89a......"))).toBe("image/gif");
    expect(sniffImageType(new TextEncoder().encode("RIFF\0\0\0\0WEBPVP8 "))).toBe("image/webp");
    expect(sniffImageType(new TextEncoder().encode("<svg onload=alert(1)>"))).toBeNull();
  });

  it("stores an image for the team, readable by members only", async () => {
    const { team, owner, members, number } = await setup();
    const other = await setup();
    const saved = await saveImage(owner.userId, team.slug, number, file(PNG));
    expect(saved.url).toBe(`/api/uploads/${saved.id}`);
    expect((await readImage(members.VIEWER!.userId, saved.id))?.contentType).toBe("image/png");
    expect(await readImage(other.owner.userId, saved.id)).toBeNull();
    expect(await readImage(owner.userId, "../../etc/passwd")).toBeNull();
  });

  it("refuses a disguised file, an oversized one, a viewer and another team's postmortem", async () => {
    const { team, owner, members, number } = await setup();
    const other = await setup();
    expect((await rejection(saveImage(owner.userId, team.slug, number, file(new TextEncoder().encode("<svg/>"), "x.png")))).code).toBe("VALIDATION");
    const big = new Uint8Array(MAX_UPLOAD_BYTES + 1);
    big.set(PNG);
    expect((await rejection(saveImage(owner.userId, team.slug, number, file(big)))).code).toBe("PAYLOAD_TOO_LARGE");
    expect((await rejection(saveImage(members.VIEWER!.userId, team.slug, number, file(PNG)))).code).toBe("FORBIDDEN");
    expect((await rejection(saveImage(other.owner.userId, team.slug, number, file(PNG)))).code).toBe("NOT_FOUND");
    expect((await rejection(saveImage(owner.userId, team.slug, number, null))).code).toBe("VALIDATION");
  });
});
