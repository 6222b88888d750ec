import { useI18n } from "@/lib/i18n/i18n-provider";
import "./field-error.css";

/** A form row's error under its control; the control names it with aria-describedby (`id`). */
export function FieldError({ id, error }: { id: string; error?: string | undefined }) {
  const { tm } = useI18n();
  return error ? (
    <div id={id} className="mic-field-error">
      {tm(error)}
    </div>
  ) : null;
}
