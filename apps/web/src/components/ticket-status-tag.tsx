import type { Ticket } from "@mic/contracts";
import { Tag } from "tdesign-react";
import { useI18n } from "@/lib/i18n/i18n-provider";

const THEME: Record<Ticket["status"], "warning" | "success" | "default"> = {
  OPEN: "warning",
  RESOLVED: "success",
  REJECTED: "default",
};

export function TicketStatusTag({ status }: { status: Ticket["status"] }) {
  const { t } = useI18n();
  return (
    <Tag theme={THEME[status]} variant="light">
      {t(`ticketStatus.${status}`)}
    </Tag>
  );
}
