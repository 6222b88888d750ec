import type { InvoiceRequest } from "@mic/contracts";
import { Tag } from "tdesign-react";
import { useI18n } from "@/lib/i18n/i18n-provider";

export function ShippingPayerTag({ request }: { request: InvoiceRequest }) {
  const { t } = useI18n();
  // An e-invoice is not mailed: no postage to show.
  if (!request.shippingPayer) return <span className="mic-muted">—</span>;
  return (
    <Tag theme={request.shippingPayer === "PROVIDER" ? "success" : "warning"} variant="light" size="small">
      {t(`provider.shippingPayer.${request.shippingPayer}`)}
    </Tag>
  );
}
