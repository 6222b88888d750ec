/** Just under 100 billion yuan: far inside a PostgreSQL BIGINT and any realistic invoice. */
export const MAX_AMOUNT_FEN: bigint = 99_999_999_999_99n;

// Leading zeros ("007.5") are tolerated because they are unambiguous; everything a user could mean
// two ways (signs, exponents, ".5", "5.") is refused rather than guessed.
const AMOUNT_PATTERN = /^(\d+)(?:\.(\d{1,2}))?$/;

// Longer input cannot be in range; refusing it early keeps BigInt() away from megabyte strings.
const MAX_INPUT_LENGTH = 32;

export function parseAmount(input: string): bigint | null {
  if (input.length > MAX_INPUT_LENGTH) return null;
  const match = AMOUNT_PATTERN.exec(input);
  if (match === null) return null;
  const yuan = match[1] ?? "0";
  const fraction = (match[2] ?? "").padEnd(2, "0");
  const fen = BigInt(yuan) * 100n + BigInt(fraction);
  return fen > MAX_AMOUNT_FEN ? null : fen;
}

/** The wire format of SPEC §8: exactly two decimals, no grouping, so it parses back unchanged. */
export function formatAmount(fen: bigint): string {
  const sign = fen < 0n ? "-" : "";
  const abs = fen < 0n ? -fen : fen;
  return `${sign}${(abs / 100n).toString()}.${(abs % 100n).toString().padStart(2, "0")}`;
}

export function formatCny(fen: bigint): string {
  const sign = fen < 0n ? "-" : "";
  const abs = fen < 0n ? -fen : fen;
  const grouped = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}¥${grouped}.${(abs % 100n).toString().padStart(2, "0")}`;
}
