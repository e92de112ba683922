import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { listMyTeams } from "@/lib/teams/queries";

export default async function Home() {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in");
  const [first] = await listMyTeams(user.id);
  redirect(first ? `/t/${first.slug}/incidents` : "/teams/new");
}
