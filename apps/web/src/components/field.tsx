import { useId, type ReactNode } from "react";
import { Form } from "tdesign-react";
import { useLabelledControl } from "./use-labelled-control";
import { FieldError } from "./field-error";

interface FieldProps {
  label: string;
  /** Message key or server message; translated here so it follows the language toggle. */
  error?: string | undefined;
  help?: ReactNode;
  required?: boolean;
  /** Radio groups: label the group instead of a single input. */
  group?: boolean;
  children: ReactNode;
}

/**
 * A labelled form row. TDesign inputs do not forward `id` to their native <input>, so the label's
 * `for` would point nowhere; useLabelledControl gives the first native control inside the row the
 * id (and the error's id as its description), which keeps getByLabel and screen readers working.
 */
export function Field({ label, error, help, required, group, children }: FieldProps) {
  const id = useId();
  const inputId = `${id}-input`;
  const labelId = `${id}-label`;
  const errorId = `${id}-error`;
  const controlRef = useLabelledControl({ inputId, errorId, error, required, group });

  return (
    <Form.FormItem
      label={<span id={labelId}>{label}</span>}
      for={group ? undefined : inputId}
      requiredMark={required}
      status={error ? "error" : undefined}
      help={help}
    >
      <div
        ref={controlRef}
        className="mic-field-control"
        {...(group
          ? {
              role: "radiogroup",
              "aria-labelledby": labelId,
              "aria-describedby": error ? errorId : undefined,
            }
          : {})}
      >
        {children}
        <FieldError id={errorId} error={error} />
      </div>
    </Form.FormItem>
  );
}
