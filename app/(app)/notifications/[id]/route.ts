import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { openNotification } from "@/lib/notifications/mutations";

export const dynamic = "force-dynamic";

/** Opens a notification: marks it read, then goes where it leads (a plain link, so it works without script). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/notifications/${id}`)}`);
  redirect((await openNotification(user.id, id)) ?? "/notifications");
}
