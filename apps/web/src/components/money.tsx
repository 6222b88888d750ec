import { formatCny, parseAmount } from "@mic/domain";
import { Input } from "tdesign-react";
import "./money.css";

/** "¥1,234.50" from a wire decimal string; exact (bigint fen), never a float. */
export function formatMoney(value: string | null | undefined): string {
  if (value === null || value === undefined) return "—";
  const negative = value.trim().startsWith("-");
  const fen = parseAmount(negative ? value.trim().slice(1) : value.trim());
  if (fen === null) return value;
  return formatCny(negative ? -fen : fen);
}

export function Money({ value, strong }: { value: string | null | undefined; strong?: boolean }) {
  const text = formatMoney(value);
  return <span className={strong ? "mic-money mic-money-strong" : "mic-money"}>{text}</span>;
}

export function isPositiveAmount(value: string): boolean {
  return (parseAmount(value) ?? 0n) > 0n;
}

/** The amount field of the apply, refund and withdrawal forms: a yuan decimal typed as text. */
export function MoneyInput({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  return (
    <Input
      name="amount"
      value={value}
      prefixIcon={<span aria-hidden="true">¥</span>}
      onChange={(v) => onChange(String(v))}
      style={{ width: 240 }}
    />
  );
}
