import type { PostmortemStatus } from "@/lib/generated/prisma/enums";
import { cx } from "@/components/ui/cx";

const LABEL: Record<PostmortemStatus, string> = { DRAFT: "Draft", IN_REVIEW: "In review", APPROVED: "Approved", PUBLISHED: "Published" };
const TONE: Record<PostmortemStatus, string> = {
  DRAFT: "bg-zinc-100 text-zinc-700 ring-zinc-300 dark:bg-zinc-800 dark:text-zinc-200 dark:ring-zinc-600",
  IN_REVIEW: "bg-amber-50 text-amber-800 ring-amber-300 dark:bg-amber-950/40 dark:text-amber-200 dark:ring-amber-800",
  APPROVED: "bg-emerald-50 text-emerald-800 ring-emerald-300 dark:bg-emerald-950/40 dark:text-emerald-200 dark:ring-emerald-800",
  PUBLISHED: "bg-brand-50 text-brand-700 ring-brand-100 dark:bg-brand-700/20 dark:text-brand-100 dark:ring-brand-700",
};

export function PostmortemStatusBadge({ status }: { status: PostmortemStatus }) {
  return <span className={cx("inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset", TONE[status])}>{LABEL[status]}</span>;
}
