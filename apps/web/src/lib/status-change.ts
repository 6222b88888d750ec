/**
 * How an audit event's state change reads, in the request timeline and the audit log alike:
 * "待处理 → 处理中", or "新建 · 待处理" for the event that created the row (never "∅ → 待处理").
 */
export function statusChange(
  from: string | null,
  to: string | null,
  label: (status: string) => string,
  created: string,
): string | null {
  if (from && to) return `${label(from)} → ${label(to)}`;
  if (to) return `${created} · ${label(to)}`;
  if (from) return label(from);
  return null;
}
