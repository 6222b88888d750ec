/** TDesign's Select hands back `SelectValue` (string | number | object | array); we only use scalars. */
export function selectValue(value: unknown): string {
  return typeof value === "string" || typeof value === "number" ? String(value) : "";
}

/** Select options for named records (tenants, providers), after an optional "all" entry. */
export function nameOptions(
  items: readonly { id: string; name: string }[] | undefined,
  allLabel?: string,
): { value: string; label: string }[] {
  const options = (items ?? []).map((x) => ({ value: x.id, label: x.name }));
  return allLabel === undefined ? options : [{ value: "", label: allLabel }, ...options];
}
