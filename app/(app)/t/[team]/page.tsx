import { redirect } from "next/navigation";

export default async function TeamHome({ params }: { params: Promise<{ team: string }> }) {
  redirect(`/t/${(await params).team}/incidents`);
}
