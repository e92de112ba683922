import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardHeader } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { can } from "@/lib/authz";
import { requireTeamContext } from "@/lib/teams/actor";
import { listTemplates } from "@/lib/postmortems/templates/queries";
import { ArchiveButton } from "./archive-button";

export const metadata: Metadata = { title: "Postmortem templates" };

export default async function TemplatesPage({ params }: { params: Promise<{ team: string }> }) {
  const { team, actor } = await requireTeamContext((await params).team);
  const templates = await listTemplates(actor, team.id);
  const editable = can(actor, "template.manage", { teamId: team.id });
  const base = `/t/${team.slug}/settings/templates`;
  return (
    <Card>
      <CardHeader
        title="Postmortem templates"
        description="The sections a new postmortem starts with: headings, help shown while empty, required sections and live blocks."
        actions={editable && <Link href={`${base}/new`} className={buttonClass("primary", "sm")}>New template</Link>}
      />
      <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
        {templates.map((t) => (
          <li key={t.id} className="space-y-2 px-5 py-4">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <p className="font-medium">
                {t.name} {t.builtIn && <span className="ml-1 rounded bg-zinc-100 px-1.5 text-xs text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300">built in</span>}
              </p>
              {editable && (
                <div className="flex items-center gap-2">
                  <Link href={`${base}/new?from=${encodeURIComponent(t.id)}`} className={buttonClass("ghost", "sm")}>Copy to edit</Link>
                  {!t.builtIn && <Link href={`${base}/${t.id}`} className={buttonClass("secondary", "sm")}>Edit</Link>}
                  {!t.builtIn && <ArchiveButton teamId={team.id} templateId={t.id} />}
                </div>
              )}
            </div>
            {t.description && <p className="text-sm text-zinc-600 dark:text-zinc-400">{t.description}</p>}
            <p className="text-xs text-zinc-600 dark:text-zinc-400">{t.sections.map((s) => `${s.heading}${s.required ? "*" : ""}`).join(" · ")}</p>
          </li>
        ))}
      </ul>
      {!editable && <p className="px-5 pb-4 text-sm text-zinc-600 dark:text-zinc-400">Only owners and admins can change templates.</p>}
    </Card>
  );
}
