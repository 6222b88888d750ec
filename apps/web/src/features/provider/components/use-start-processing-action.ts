import type { InvoiceRequest } from "@mic/contracts";
import { MessagePlugin } from "tdesign-react";
import { confirmAction } from "@/components/confirm";
import { formatMoney } from "@/components/money";
import { newIdempotencyKey } from "@/lib/api-client";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { useStartProcessing } from "../api/start-processing";

/** 开始处理: confirm first (the tenant can no longer cancel afterwards), then PENDING → PROCESSING. */
export function useStartProcessingAction() {
  const { t } = useI18n();
  const start = useStartProcessing();
  return (request: InvoiceRequest) => {
    const idempotencyKey = newIdempotencyKey();
    return confirmAction({
      header: t("provider.startTitle"),
      body: t("provider.startConfirm", { tenant: request.tenantName, amount: formatMoney(request.amount) }),
      confirmText: t("provider.startSubmit"),
      cancelText: t("common.cancel"),
      onConfirm: async () => {
        await start.mutateAsync({ id: request.id, idempotencyKey });
        void MessagePlugin.success(t("provider.started"));
      },
    });
  };
}
