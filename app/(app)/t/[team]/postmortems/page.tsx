import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Postmortems" };

export default function PostmortemsPage() {
  return (
    <>
      <PageHeader title="Postmortems" description="Drafts, reviews and published write-ups." />
      <EmptyState title="No postmortems yet">A postmortem starts from a resolved incident, with its facts already filled in.</EmptyState>
    </>
  );
}
