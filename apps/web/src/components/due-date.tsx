import type { InvoiceRequest } from "@mic/contracts";
import { Space, Tag } from "tdesign-react";
import { useI18n } from "@/lib/i18n/i18n-provider";

/** Only work still owed can be late: a shipped, voided or cancelled request is never overdue. */
export const isOverdue = (r: Pick<InvoiceRequest, "overdue" | "status">) =>
  r.overdue && (r.status === "PENDING" || r.status === "PROCESSING");

/** The due date, with a red 已逾期 tag once it has passed (text as well as colour). */
export function DueDate({ request }: { request: InvoiceRequest }) {
  const { t } = useI18n();
  return (
    <Space size={4} align="center">
      <span>{request.dueDate}</span>
      {isOverdue(request) ? (
        <Tag theme="danger" size="small" variant="light">
          {t("common.overdue")}
        </Tag>
      ) : null}
    </Space>
  );
}
