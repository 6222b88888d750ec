import { useState } from "react";
import { Input } from "tdesign-react";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { Field } from "./field";

/**
 * `q` (SPEC §11): an exact request number, invoice number, tracking number or return tracking
 * number, typed and applied with the filter bar's 查询 (Enter submits the bar's form). `draft` and
 * `setDraft` come from `useSearchDraft`, so the bar's onSubmit and 重置 reach the typed text.
 */
export function SearchFilter({
  draft,
  setDraft,
  error,
}: {
  draft: string;
  setDraft: (value: string) => void;
  error?: string | undefined;
}) {
  const { t } = useI18n();
  return (
    <Field label={t("search.label")} error={error}>
      <Input
        name="q"
        value={draft}
        maxlength={40}
        clearable
        placeholder={t("search.placeholder")}
        onChange={(v) => setDraft(String(v))}
        style={{ width: 260 }}
      />
    </Field>
  );
}

/** The typed search, kept in step with the URL's `q` (重置, back/forward). */
export function useSearchDraft(applied: string | undefined) {
  const [draft, setDraft] = useState(applied ?? "");
  const [seen, setSeen] = useState(applied);
  // The URL changed under the field (重置, back): show what is applied now.
  if (seen !== applied) {
    setSeen(applied);
    setDraft(applied ?? "");
  }
  return [draft, setDraft] as const;
}
