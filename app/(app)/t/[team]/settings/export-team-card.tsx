import { Card, CardHeader } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";

/** Owners download the whole team, to move it to another Hindsight or keep a copy. */
export function ExportTeamCard({ slug }: { slug: string }) {
  return (
    <Card>
      <CardHeader
        title="Export the team"
        description="One file with every incident, timeline, task, postmortem (with its images, versions and comments), publication, member and setting. Import it on another Hindsight with npm run team:import. It includes internal passages and members' e-mail addresses: keep it safe."
      />
      <div className="px-5 py-5">
        <a href={`/t/${slug}/settings/export`} download className={buttonClass("secondary")}>
          Download export
        </a>
      </div>
    </Card>
  );
}
