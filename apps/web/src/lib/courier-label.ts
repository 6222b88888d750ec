import { COURIERS, type InvoiceRequest } from "@mic/contracts";
import type { MessageKey } from "@/lib/i18n/i18n-provider";

type Courier = (typeof COURIERS)[number];

const isCourier = (value: string | null | undefined): value is Courier =>
  typeof value === "string" && (COURIERS as readonly string[]).includes(value);

/**
 * A request names its courier (`courier: "顺丰速运"`) and, for the console's list, its code
 * (`courierCode: "SF"`, SPEC §8): a known one is shown in the reader's language from the one
 * dictionary, any other by the name staff typed.
 */
export function courierLabel(
  request: Pick<InvoiceRequest, "courier" | "courierCode">,
  t: (key: MessageKey) => string,
): string | null {
  if (isCourier(request.courierCode) && request.courierCode !== "OTHER")
    return t(`courier.${request.courierCode}`);
  if (!request.courier) return null;
  return isCourier(request.courier) ? t(`courier.${request.courier}`) : request.courier;
}
