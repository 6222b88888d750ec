import { useEffect } from "react";

/**
 * TDesign's Dialog, DialogPlugin and Drawer render plain <div>s. Give the one matching `selector`
 * role="dialog", aria-modal and a name, so screen readers announce it and tests can find it with
 * getByRole("dialog", { name }). The element is portalled and may mount later, hence the observer.
 * A drawer's scrolling body also gets a tab stop so keyboard users can scroll it (axe
 * scrollable-region-focusable). Returns a function that stops waiting for the element.
 */
export function labelDialog(selector: string, label: string): () => void {
  const apply = () => {
    const element = document.querySelector(selector);
    if (!element) return false;
    element.setAttribute("role", "dialog");
    element.setAttribute("aria-modal", "true");
    element.setAttribute("aria-label", label);
    element.querySelector(".t-drawer__body")?.setAttribute("tabindex", "0");
    return true;
  };
  if (apply()) return () => undefined;
  const observer = new MutationObserver(() => {
    if (apply()) observer.disconnect();
  });
  observer.observe(document.body, { childList: true, subtree: true });
  return () => observer.disconnect();
}

/** `labelDialog` for a declarative Dialog or Drawer while it is open. */
export function useDialogRole(open: boolean, selector: string, label: string) {
  useEffect(() => (open ? labelDialog(selector, label) : undefined), [open, selector, label]);
}
