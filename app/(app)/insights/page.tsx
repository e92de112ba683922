import type { Metadata } from "next";
import { AppHeader } from "@/components/shell/app-header";
import { InsightsFiltersForm } from "@/components/insights/filters-form";
import { InsightsView } from "@/components/insights/insights-view";
import { requireUser } from "@/lib/auth/current-user";
import { loadUserShell } from "@/lib/teams/actor";
import { crossTeamInsights, serviceNames } from "@/lib/insights/queries";
import { INSIGHTS_ARRAY_KEYS, insightsFiltersSchema } from "@/lib/insights/schema";
import { normalizeSearchParams, type RawSearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "Insights across my teams" };

export default async function CrossTeamInsightsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requireUser("/insights");
  const filters = insightsFiltersSchema.parse(normalizeSearchParams(await searchParams, INSIGHTS_ARRAY_KEYS));
  const [shell, data] = await Promise.all([loadUserShell(user.id), crossTeamInsights(user.id, filters)]);
  const services = await serviceNames(data.scope);
  return (
    <>
      <AppHeader user={user} teams={shell.teams} unread={shell.unread} />
      <main className="mx-auto max-w-7xl px-3 py-6 sm:px-6 sm:py-8">
        <h1 className="text-2xl font-semibold tracking-tight">Insights across my teams</h1>
        <p className="mt-1 mb-6 text-sm text-zinc-600 dark:text-zinc-400">
          {data.teams.map((t) => t.name).join(", ") || "You are not in a team yet."}
          {data.teams.length > 1 && data.scope.timeZone === "UTC" && new Set(data.teams.map((t) => t.timeZone)).size > 1 && " Your teams are in different time zones, so weeks and months are counted in UTC."}
        </p>
        <InsightsFiltersForm action="/insights" filters={filters} period={data.scope.period} services={services} />
        <InsightsView data={data} base="/insights" />
      </main>
    </>
  );
}
