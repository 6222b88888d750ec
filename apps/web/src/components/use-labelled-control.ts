import { useEffect, useRef } from "react";

/**
 * TDesign inputs do not forward `id` to their native <input>, so a label's `for` would point
 * nowhere: after each render this gives the first native control inside the returned ref's element
 * the id (and the error's id as its description), which keeps getByLabel and screen readers working.
 */
export function useLabelledControl(options: {
  inputId: string;
  errorId: string;
  error?: string | undefined;
  required?: boolean | undefined;
  /** Radio groups are labelled as a group instead. */
  group?: boolean | undefined;
}) {
  const { inputId, errorId, error, required, group } = options;
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const root = ref.current;
    if (!root || group) return;
    const control = root.querySelector<HTMLElement>("input:not([type=hidden]), textarea");
    if (!control) return;
    if (control.id !== inputId) control.id = inputId;
    if (error) {
      control.setAttribute("aria-invalid", "true");
      control.setAttribute("aria-describedby", errorId);
    } else {
      control.removeAttribute("aria-invalid");
      control.removeAttribute("aria-describedby");
    }
    if (required) control.setAttribute("aria-required", "true");
  });
  return ref;
}
