import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Tasks" };

export default function TasksPage() {
  return (
    <>
      <PageHeader title="Tasks" description="Corrective and preventive work from your incidents." />
      <EmptyState title="No tasks yet">Tasks are created from an incident, so every fix keeps the story of why it matters.</EmptyState>
    </>
  );
}
