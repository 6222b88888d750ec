import type { ApplyInvoiceInput, InvoiceQuote, applyInvoiceInput } from "@mic/contracts";
import type { z } from "zod";

// sessionStorage keeps the flow across a reload or a detour to add a title/address, and is
// per-tab, so two tabs applying at once do not overwrite each other.
const CONFIRM_KEY = "mic.apply.confirm";
const draftKey = (providerId: string) => `mic.apply.draft.${providerId}`;

export interface ConfirmState {
  input: ApplyInvoiceInput;
  quote: InvoiceQuote;
}

/** What the form holds so far, as typed (the address may be null on an electronic type). */
export type ApplyDraft = Partial<z.input<typeof applyInvoiceInput>>;

function read<T>(key: string): T | null {
  try {
    const raw = sessionStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

function write(key: string, value: unknown): void {
  try {
    sessionStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or disabled: the flow still works through router state.
  }
}

export const readConfirmState = () => read<ConfirmState>(CONFIRM_KEY);
export const saveConfirmState = (state: ConfirmState) => write(CONFIRM_KEY, state);
export const readDraft = (providerId: string) => read<ApplyDraft>(draftKey(providerId));
export const saveDraft = (providerId: string, draft: ApplyDraft) => write(draftKey(providerId), draft);

export function clearApplyFlow(providerId: string): void {
  try {
    sessionStorage.removeItem(CONFIRM_KEY);
    sessionStorage.removeItem(draftKey(providerId));
  } catch {
    // nothing to clear
  }
}
