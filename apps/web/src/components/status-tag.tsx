import type { InvoiceStatus } from "@mic/domain";
import { Tag } from "tdesign-react";
import { useI18n } from "@/lib/i18n/i18n-provider";

const THEME: Record<InvoiceStatus, "warning" | "primary" | "success" | "danger" | "default"> = {
  PENDING: "warning",
  PROCESSING: "primary",
  MAILING: "success",
  ISSUED: "success",
  VOIDED: "danger",
  CANCELLED: "default",
  REJECTED: "danger",
};

/** Colour plus text, so the state is never told by colour alone. */
export function StatusTag({ status }: { status: InvoiceStatus }) {
  const { t } = useI18n();
  return (
    <Tag theme={THEME[status]} variant="light">
      {t(`status.${status}`)}
    </Tag>
  );
}
