import { db, type Tx } from "@/lib/db";
import { authorize, type Actor } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { BUILT_IN_TEMPLATES } from "@/lib/postmortems/templates/builtin";
import { templateSectionsSchema, type Template } from "@/lib/postmortems/templates/schema";

/** A team has few templates (names are unique, each edited by hand); this bound only guards the page. */
const MAX_TEAM_TEMPLATES = 200;

type TemplateRow = { id: string; name: string; description: string; sections: unknown };

function toTemplate(row: TemplateRow): Template {
  const sections = templateSectionsSchema.safeParse(row.sections);
  return { id: row.id, name: row.name, description: row.description, builtIn: false, sections: sections.success ? sections.data : [] };
}

/** Built-in templates first, then the team's own (not archived), by name. */
export async function listTemplates(actor: Actor, teamId: string): Promise<Template[]> {
  authorize(actor, "postmortem.read", { teamId });
  const rows = await db().postmortemTemplate.findMany({
    where: { teamId, archivedAt: null },
    orderBy: { name: "asc" },
    take: MAX_TEAM_TEMPLATES,
    select: { id: true, name: true, description: true, sections: true },
  });
  return [...BUILT_IN_TEMPLATES, ...rows.map(toTemplate)];
}

/** A built-in template by id, or one of this team's; anything else is a field error, never another team's template. */
export async function resolveTemplate(tx: Tx, teamId: string, templateId: string): Promise<Template> {
  const builtIn = BUILT_IN_TEMPLATES.find((t) => t.id === templateId);
  if (builtIn) return builtIn;
  const row = await tx.postmortemTemplate.findFirst({
    where: { id: templateId, teamId, archivedAt: null },
    select: { id: true, name: true, description: true, sections: true },
  });
  if (!row) throw new AppError("VALIDATION", "Please correct the highlighted fields.", { templateId: ["Choose one of the listed templates."] });
  return toTemplate(row);
}

/** One of the team's templates with its version, for the editor; null for another team's or an archived one. */
export async function getTeamTemplate(actor: Actor, teamId: string, templateId: string) {
  authorize(actor, "postmortem.read", { teamId });
  const row = await db().postmortemTemplate.findFirst({
    where: { id: templateId, teamId, archivedAt: null },
    select: { id: true, name: true, description: true, sections: true, version: true },
  });
  return row ? { ...toTemplate(row), version: row.version } : null;
}
