import type { InvoiceRequest } from "@mic/contracts";
import { Steps } from "tdesign-react";
import { formatDateTime } from "@/lib/format";
import { useI18n } from "@/lib/i18n/i18n-provider";

type StepStatus = "default" | "process" | "finish" | "error";

/** PENDING → PROCESSING → MAILING, ending in VOIDED or CANCELLED when that happened. */
export function RequestProgress({ request }: { request: InvoiceRequest }) {
  const { t, lang } = useI18n();
  const at = (iso: string | null) => (iso ? formatDateTime(iso, lang) : "");
  const s = request.status;
  const reached = (i: number) => ["PENDING", "PROCESSING", "MAILING", "VOIDED"].indexOf(s) >= i;

  const steps: { title: string; content: string; status: StepStatus }[] = [
    { title: t("detail.stepApplied"), content: at(request.createdAt), status: "finish" },
  ];
  if (s === "CANCELLED") {
    steps.push({ title: t("status.CANCELLED"), content: at(request.cancelledAt), status: "error" });
  } else {
    steps.push({
      title: t("detail.stepProcessing"),
      content: at(request.processingAt),
      status: s === "PENDING" ? "process" : "finish",
    });
    steps.push({
      title: t("detail.stepMailing"),
      content: at(request.mailingAt),
      status: reached(2) ? "finish" : "default",
    });
    steps.push(
      s === "VOIDED"
        ? { title: t("status.VOIDED"), content: at(request.voidedAt), status: "error" }
        : { title: t("detail.stepDone"), content: "", status: s === "MAILING" ? "finish" : "default" },
    );
  }
  const current = steps.findIndex((x) => x.status === "process");
  return (
    <Steps
      current={current === -1 ? steps.length - 1 : current}
      readOnly
      options={steps.map((x, i) => ({ ...x, value: i }))}
    />
  );
}
