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
    const value = params.get(key)?.trim();
    if (value) filters[key] = value;
  }
  const check = schema.safeParse(filters);
  const errors: FieldErrors = check.success ? {} : zodFieldErrors(check.error, { ...filters });

  /** Several filters at once (a date range, or the typed filters applied on 查询). */
  const setFilters = (values: Partial<Record<K, string | undefined>>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(values) as [K, string | undefined][]) {
      const v = value?.trim();
      if (v) next.set(key, v);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };
  const setFilter = (key: K, value: string | undefined) =>
    setFilters({ [key]: value } as Partial<Record<K, string | undefined>>);
  const reset = () => {
    const next = new URLSearchParams(params);
    for (const key of keys) next.delete(key);
    setParams(next, { replace: true });
  };

  return {
    filters,
    valid: check.success,
    errors,
    filtered: Object.keys(filters).length > 0,
    setFilter,
    setFilters,
    reset,
  };
}
