import type { SessionUser } from "@/lib/auth/sessions";
import { AppError } from "@/lib/errors";
import { loadTeamContext } from "@/lib/teams/actor";
import { normalizeSearchParams } from "@/lib/search-params";
import { crossTeamInsights, teamInsights } from "@/lib/insights/queries";
import { INSIGHTS_ARRAY_KEYS, insightsFiltersSchema } from "@/lib/insights/schema";
import { insightsTables, TABLE_IDS, toCsv, type TableId } from "@/lib/insights/tables";

/** One Insights table as a CSV file, for a team (by slug) or across the user's teams (null). */
export async function insightsCsv(user: SessionUser, teamSlug: string | null, tableId: string, query: URLSearchParams, now = new Date()) {
  if (!(TABLE_IDS as readonly string[]).includes(tableId)) throw new AppError("NOT_FOUND", "There is no such table.");
  const raw: Record<string, string[]> = {};
  for (const [key, value] of query) raw[key] = [...(raw[key] ?? []), value];
  const filters = insightsFiltersSchema.parse(normalizeSearchParams(raw, INSIGHTS_ARRAY_KEYS));
  let data;
  let prefix = "all-teams";
  if (teamSlug) {
    const context = await loadTeamContext(user, teamSlug);
    if (!context) throw new AppError("NOT_FOUND", "This team was not found.");
    data = await teamInsights(context.actor, context.team, filters, now);
    prefix = context.team.slug;
  } else {
    data = await crossTeamInsights(user.id, filters, now);
  }
  const names = new Map(data.teams.map((t) => [t.id, t.name]));
  const table = insightsTables(data, (id) => names.get(id) ?? "")
    .find((t) => t.id === (tableId as TableId))!;
  const { fromDay, toDay } = data.scope.period;
  return { body: toCsv(table), filename: `${prefix}-${table.id}-${fromDay}-to-${toDay}.csv` };
}
