import { COURIERS } from "@mic/contracts";
import type { MessageKey } from "@/lib/i18n/i18n-provider";

type Courier = (typeof COURIERS)[number];

const isCourier = (value: string): value is Courier => (COURIERS as readonly string[]).includes(value);

/** The API stores a known courier by code and any other by the name staff typed. One dictionary. */
export function courierLabel(value: string | null, t: (key: MessageKey) => string): string | null {
  if (!value) return null;
  return isCourier(value) ? t(`courier.${value}`) : value;
}
