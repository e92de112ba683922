import { KIND_STYLE } from "@/components/timeline/kinds";
import { USER_KINDS } from "@/lib/timeline/fields";
import type { TimelineKind } from "@/lib/generated/prisma/enums";

/** The kinds a person may give an event, as the `kind` field of a timeline form. Its label stays with the form. */
export function KindSelect({ id, defaultValue, className }: { id: string; defaultValue: TimelineKind | string; className: string }) {
  return (
    <select id={id} name="kind" defaultValue={defaultValue} className={className}>
      {USER_KINDS.map((k) => (
        <option key={k} value={k}>
          {KIND_STYLE[k].label}
        </option>
      ))}
    </select>
  );
}
