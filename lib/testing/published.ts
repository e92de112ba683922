import { db } from "@/lib/db";
import { declareIncident } from "@/lib/incidents/mutations";
import { startPostmortem } from "@/lib/postmortems/mutations";
import { publish } from "@/lib/publishing/mutations";
import { approve, requestReview } from "@/lib/reviews/mutations";
import { createTeamWith } from "@/lib/testing/factories";
import { writeEverySection } from "@/lib/testing/postmortems";

/** A team whose incident's postmortem went through review and is published; returns its public path. */
export async function publishedPostmortem(title = "When reports stopped") {
  const ctx = await createTeamWith(["MEMBER"]);
  const incident = await declareIncident(ctx.owner.userId, { teamId: ctx.team.id, title: "Reports stopped" });
  const { id: postmortemId } = await startPostmortem(ctx.owner.userId, { teamId: ctx.team.id, incidentId: incident.id, templateId: "builtin:standard", title: "Reports stopped" });
  await writeEverySection(postmortemId, "Written.", ctx.owner.userId);
  const pm = { teamId: ctx.team.id, postmortemId };
  await requestReview(ctx.owner.userId, { ...pm, reviewerIds: [ctx.members.MEMBER!.userId] });
  const contentVersion = (await db().postmortem.findUniqueOrThrow({ where: { id: postmortemId } })).contentVersion;
  await approve(ctx.members.MEMBER!.userId, { ...pm, contentVersion });
  const { path } = await publish(ctx.owner.userId, { ...pm, contentVersion, title, subtitle: "A missing index", confirmed: "on", noindex: "on" });
  return { ...ctx, ...pm, incident, path };
}
