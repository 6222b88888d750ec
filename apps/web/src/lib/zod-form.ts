import { useCallback, useState } from "react";
import type { z } from "zod";
import { ApiError } from "./api-client";

/** Field name → message key (from the shared zod schemas) or a server message in the UI language. */
export type FieldErrors = Record<string, string>;

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
}

export function zodFieldErrors(error: z.ZodError, values: Record<string, unknown>): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "_form");
    if (errors[field]) continue;
    // An empty select fails e.g. the uuid check; "required" is what the user needs to hear.
    errors[field] = isBlank(values[field]) && issue.message !== "required" ? "required" : issue.message;
  }
  return errors;
}

/**
 * Form state validated by one of the shared zod schemas (the same the API uses), plus the API's
 * `fields` mapped back onto the inputs. `schema` may be null when the page loads it on demand
 * (the sign-in form: zod is not part of /login's first download); `validate({ schema })` then
 * passes it once it has arrived.
 */
export function useZodForm<S extends z.ZodType<unknown, Record<string, unknown>>>(
  schema: S | null,
  initial: z.input<S>,
) {
  const [values, setValues] = useState<z.input<S>>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});

  const setField = useCallback(<K extends keyof z.input<S>>(name: K, value: z.input<S>[K]) => {
    setValues((prev) => ({ ...prev, [name]: value }));
    setErrors((prev) => {
      if (!(name in prev)) return prev;
      const next = { ...prev };
      delete next[name as string];
      return next;
    });
  }, []);

  /**
   * Returns the parsed body, or null after putting the messages next to the fields. `override`
   * validates other values than the ones typed (e.g. hidden fields blanked), `extra` adds checks
   * the schema cannot know (the current invoiceable amount).
   */
  const validate = useCallback(
    (options?: {
      override?: z.input<S>;
      extra?: (parsed: z.output<S>) => FieldErrors;
      schema?: S;
    }): z.output<S> | null => {
      const input = options?.override ?? values;
      const validator = options?.schema ?? schema;
      if (!validator) throw new Error("useZodForm: no schema to validate with");
      const result = validator.safeParse(input);
      if (!result.success) {
        setErrors(zodFieldErrors(result.error, input));
        return null;
      }
      const more = options?.extra?.(result.data) ?? {};
      if (Object.keys(more).length > 0) {
        setErrors(more);
        return null;
      }
      setErrors({});
      return result.data;
    },
    [schema, values],
  );

  /** Puts a 400's `fields` next to the inputs; true when at least one field got a message. */
  const applyServerError = useCallback((error: unknown, rename: Record<string, string> = {}): boolean => {
    if (!(error instanceof ApiError)) return false;
    const entries = Object.entries(error.fields);
    if (entries.length === 0) return false;
    setErrors(Object.fromEntries(entries.map(([field, message]) => [rename[field] ?? field, message])));
    return true;
  }, []);

  const reset = useCallback((next: z.input<S>) => {
    setValues(next);
    setErrors({});
  }, []);

  return { values, setValues, setField, errors, setErrors, validate, applyServerError, reset };
}
