import { SelectField } from "@/components/ui/field";

const OPTIONS = [
  { value: "7", label: "7 days" },
  { value: "30", label: "30 days" },
  { value: "90", label: "90 days" },
  { value: "365", label: "1 year" },
  { value: "never", label: "Never (not recommended)" },
];

export function LifetimeField({ errors, defaultValue }: { errors?: string[]; defaultValue?: string }) {
  return <SelectField label="Expires after" name="expiresIn" defaultValue={defaultValue ?? "30"} options={OPTIONS} errors={errors} className="w-48" />;
}
