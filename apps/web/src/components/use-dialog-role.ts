import { useEffect } from "react";

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Tab and Shift+Tab cycle inside the dialog, as in a modal they must (WAI-ARIA dialog pattern). */
function trapFocus(element: HTMLElement): () => void {
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== "Tab") return;
    const items = [...element.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
      (e) => e.offsetParent !== null,
    );
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    const active = document.activeElement;
    if (event.shiftKey && (active === first || !element.contains(active))) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (active === last || !element.contains(active))) {
      event.preventDefault();
      first.focus();
    }
  };
  document.addEventListener("keydown", onKeyDown, true);
  return () => document.removeEventListener("keydown", onKeyDown, true);
}

/**
 * TDesign's Dialog, DialogPlugin and Drawer render plain <div>s. Give the one matching `selector`
 * role="dialog", aria-modal and a name, so screen readers announce it and tests can find it with
 * getByRole("dialog", { name }); keep keyboard focus inside it, and give its × close icon a name
 * and a tab stop. The element is portalled and may mount later, hence the observer. A drawer's
 * scrolling body also gets a tab stop so keyboard users can scroll it (axe
 * scrollable-region-focusable). Returns a function that undoes the focus trap and stops waiting.
 */
export function labelDialog(selector: string, label: string, closeLabel = "关闭 Close"): () => void {
  let release = () => undefined as void;
  const apply = () => {
    const element = document.querySelector<HTMLElement>(selector);
    if (!element) return false;
    element.setAttribute("role", "dialog");
    element.setAttribute("aria-modal", "true");
    element.setAttribute("aria-label", label);
    element.querySelector(".t-drawer__body")?.setAttribute("tabindex", "0");
    const close = element.querySelector<HTMLElement>(".t-dialog__close, .t-drawer__close-btn");
    if (close) {
      close.setAttribute("role", "button");
      close.setAttribute("tabindex", "0");
      close.setAttribute("aria-label", closeLabel);
      close.onkeydown = (event) => {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          close.click();
        }
      };
    }
    release = trapFocus(element);
    return true;
  };
  if (apply()) return () => release();
  const observer = new MutationObserver(() => {
    if (apply()) observer.disconnect();
  });
  observer.observe(document.body, { childList: true, subtree: true });
  return () => {
    observer.disconnect();
    release();
  };
}

/** `labelDialog` for a declarative Dialog or Drawer while it is open. */
export function useDialogRole(open: boolean, selector: string, label: string) {
  useEffect(() => (open ? labelDialog(selector, label) : undefined), [open, selector, label]);
}
