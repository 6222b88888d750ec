import { useInvoiceRequest } from "@/api/get-invoice-request";
import { RequestNumber } from "@/components/request-number";
import { useI18n } from "@/lib/i18n/i18n-provider";

/**
 * An audit row names a request by its id; people read its 申请编号 (SPEC §11). The request is
 * fetched once per id (TanStack's cache), so a page of a request's events costs one read.
 */
export function AuditRequestNumber({ requestId, onOpen }: { requestId: string; onOpen: () => void }) {
  const { t } = useI18n();
  const request = useInvoiceRequest(requestId);
  if (request.data) return <RequestNumber number={request.data.number} onOpen={onOpen} />;
  return (
    <button
      type="button"
      className="mic-link-button mic-small"
      title={requestId}
      aria-label={t("support.audit.openRequest", { id: requestId })}
      onClick={onOpen}
    >
      {requestId.slice(0, 8)}
    </button>
  );
}
