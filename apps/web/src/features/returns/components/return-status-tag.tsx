import type { ReturnRequestStatus } from "@mic/domain";
import { Tag, type TagProps } from "tdesign-react";
import { useI18n } from "@/lib/i18n/i18n-provider";

const THEME: Record<ReturnRequestStatus, TagProps["theme"]> = {
  OPEN: "warning",
  AWAITING_BUYER: "warning",
  APPROVED: "success",
  CONFIRMED: "success",
  DECLINED: "danger",
  EXPIRED: "default",
};

export function ReturnStatusTag({ status }: { status: ReturnRequestStatus }) {
  const { t } = useI18n();
  return (
    <Tag theme={THEME[status]} variant="light" size="small">
      {t(`returnStatus.${status}`)}
    </Tag>
  );
}
