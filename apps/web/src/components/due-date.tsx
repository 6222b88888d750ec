import type { InvoiceRequest } from "@mic/contracts";
import { Space, Tag } from "tdesign-react";

/** Only work still owed can be late: a shipped, voided or cancelled request is never overdue. */
export const isOverdue = (r: Pick<InvoiceRequest, "overdue" | "status">) =>
  r.overdue && (r.status === "PENDING" || r.status === "PROCESSING");

/** The due date, with a red tag once it has passed (text as well as colour; each page words it). */
export function DueDate({ request, overdueLabel }: { request: InvoiceRequest; overdueLabel: string }) {
  return (
    <Space size={4} align="center">
      <span>{request.dueDate}</span>
      {isOverdue(request) ? (
        <Tag theme="danger" size="small" variant="light">
          {overdueLabel}
        </Tag>
      ) : null}
    </Space>
  );
}
