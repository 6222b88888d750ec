import { useId, type ReactNode } from "react";
import { useLabelledControl } from "@/components/use-labelled-control";
import { FieldError } from "@/components/field-error";

/**
 * A row of the sign-in form: plain markup with TDesign's label-top look. /login does not download
 * TDesign's Form (~18 kB gzip) for two inputs; the other forms use <Field> (Form.FormItem).
 */
export function SignInField({
  label,
  error,
  children,
}: {
  label: string;
  /** Message key or server message, translated here. */
  error?: string | undefined;
  children: ReactNode;
}) {
  const id = useId();
  const inputId = `${id}-input`;
  const errorId = `${id}-error`;
  const controlRef = useLabelledControl({ inputId, errorId, error });
  return (
    <div className="mic-signin-field">
      <label htmlFor={inputId}>{label}</label>
      <div ref={controlRef} className="mic-field-control">
        {children}
        <FieldError id={errorId} error={error} />
      </div>
    </div>
  );
}
