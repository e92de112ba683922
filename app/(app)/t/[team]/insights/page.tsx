import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/shell/page-header";
import { InsightsFiltersForm } from "@/components/insights/filters-form";
import { InsightsView } from "@/components/insights/insights-view";
import { can } from "@/lib/authz";
import { requireTeamContext } from "@/lib/teams/actor";
import { serviceNames, teamInsights } from "@/lib/insights/queries";
import { INSIGHTS_ARRAY_KEYS, insightsFiltersSchema } from "@/lib/insights/schema";
import { normalizeSearchParams, type RawSearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "Insights" };

export default async function TeamInsightsPage({ params, searchParams }: { params: Promise<{ team: string }>; searchParams: Promise<RawSearchParams> }) {
  const { team, actor, shell } = await requireTeamContext((await params).team);
  const filters = insightsFiltersSchema.parse(normalizeSearchParams(await searchParams, INSIGHTS_ARRAY_KEYS));
  const data = await teamInsights(actor, team, filters);
  const services = await serviceNames(data.scope);
  const base = `/t/${team.slug}/insights`;
  return (
    <>
      <PageHeader
        title="Insights"
        description="Whether the team is getting better: how fast it responds, what keeps breaking and whether it finishes what it promised."
        actions={shell.teams.length > 1 ? <Link href="/insights" className="text-sm text-brand-700 hover:underline dark:text-brand-100">All my teams</Link> : undefined}
      />
      <InsightsFiltersForm action={base} filters={filters} period={data.scope.period} services={services} />
      <InsightsView data={data} base={base} declareHref={can(actor, "incident.create", { teamId: team.id }) ? `/t/${team.slug}/incidents/new` : undefined} />
    </>
  );
}
