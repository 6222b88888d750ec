/** TDesign's Select hands back `SelectValue` (string | number | object | array); we only use scalars. */
export function selectValue(value: unknown): string {
  return typeof value === "string" || typeof value === "number" ? String(value) : "";
}
