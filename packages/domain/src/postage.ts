/** 50.00 CNY: from here on the provider pays postage; below it the recipient pays on delivery (到付). */
export const POSTAGE_THRESHOLD_FEN = 5000n;

export type ShippingPayer = "PROVIDER" | "RECIPIENT_COD";

export function shippingPayerFor(amountFen: bigint): ShippingPayer {
  return amountFen >= POSTAGE_THRESHOLD_FEN ? "PROVIDER" : "RECIPIENT_COD";
}
