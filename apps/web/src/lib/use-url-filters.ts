import { useSearchParams } from "react-router";
import type { z } from "zod";
import { zodFieldErrors, type FieldErrors } from "@/lib/zod-form";

/**
 * List filters kept in the URL (shareable, kept on "back", and a CSV link can reuse them), checked
 * with the same zod schema the API applies to the query string.
 */
export function useUrlFilters<K extends string>(keys: readonly K[], schema: z.ZodType) {
  const [params, setParams] = useSearchParams();
  const filters: Partial<Record<K, string>> = {};
  for (const key of keys) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  const check = schema.safeParse(filters);
  const errors: FieldErrors = check.success ? {} : zodFieldErrors(check.error, { ...filters });

  const setFilter = (key: K, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const reset = () => setParams(new URLSearchParams(), { replace: true });

  return { filters, valid: check.success, errors, setFilter, reset };
}
