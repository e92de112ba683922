import { Field, inputClass } from "@/components/ui/field";
import { FORMAT_LABEL } from "@/components/alerts/labels";
import { ALERT_FORMATS } from "@/lib/alerts/schema";

type Props = { defaultValue: string; errors?: string[]; hint?: string };

/** The payload format a source expects, for the create and edit forms. */
export function SourceFormatField({ defaultValue, errors, hint }: Props) {
  return (
    <Field label="Format" name="format" errors={errors} hint={hint}>
      {(control) => (
        <select {...control} defaultValue={defaultValue} className={inputClass}>
          {ALERT_FORMATS.map((format) => (
            <option key={format} value={format}>
              {FORMAT_LABEL[format]}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** How a source proves a delivery is its own, for the create and edit forms. */
export function SourceAuthField({ defaultValue, errors }: Omit<Props, "hint">) {
  return (
    <Field label="Authentication" name="authMode" errors={errors}>
      {(control) => (
        <select {...control} defaultValue={defaultValue} className={inputClass}>
          <option value="BEARER">Bearer token (Authorization header)</option>
          <option value="HMAC">HMAC-SHA256 signature of the body</option>
        </select>
      )}
    </Field>
  );
}
