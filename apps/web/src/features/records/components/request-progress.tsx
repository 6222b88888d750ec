import type { InvoiceRequest } from "@mic/contracts";
import { isTerminal, kindOf, progressOf, progressPath, type InvoiceStatus } from "@mic/domain";
import { Steps } from "tdesign-react";
import { formatDateTime } from "@/lib/format";
import { useI18n, type MessageKey } from "@/lib/i18n/i18n-provider";

type StepStatus = "default" | "process" | "finish" | "error";

const STEP_LABEL: Partial<Record<InvoiceStatus, MessageKey>> = {
  PENDING: "detail.stepApplied",
  PROCESSING: "detail.stepProcessing",
  MAILING: "detail.stepMailing",
  ISSUED: "detail.stepIssued",
};

/** When the request reached each status of its path, from the request's own timestamps. */
function reachedAt(r: InvoiceRequest): Partial<Record<InvoiceStatus, string | null>> {
  return {
    PENDING: r.createdAt,
    PROCESSING: r.processingAt,
    MAILING: r.mailingAt,
    ISSUED: r.issuedAt,
  };
}

/** The furthest status of the path the request got to (a cancelled one may have been processing). */
function furthest(r: InvoiceRequest, path: InvoiceStatus[]): InvoiceStatus {
  const at = reachedAt(r);
  return [...path].reverse().find((s) => at[s]) ?? "PENDING";
}

/** The finished end of each kind: cancelled, rejected and voided requests end in red. */
function endedAt(r: InvoiceRequest): string | null {
  switch (r.status) {
    case "CANCELLED":
      return r.cancelledAt;
    case "VOIDED":
      return r.voidedAt;
    case "REJECTED":
      return r.rejectedAt;
    default:
      return null;
  }
}

/**
 * The request's path from the domain table (paper: 提交 → 处理 → 寄出; electronic: 提交 → 处理 →
 * 开具), each step done, current or waiting as `progressOf` says, then 完成 or the end it met.
 */
export function RequestProgress({ request }: { request: InvoiceRequest }) {
  const { t, lang } = useI18n();
  const kind = kindOf(request.invoiceType);
  const path = progressPath(kind);
  const progress = progressOf(request.status, kind, furthest(request, path));
  const at = reachedAt(request);
  const time = (iso: string | null | undefined) => (iso ? formatDateTime(iso, lang) : "");
  const last = path[path.length - 1];
  // The last step of the path is where the invoice is in the tenant's hands: that is done, not "in progress".
  const delivered = request.status === last;

  const steps: { title: string; content: string; status: StepStatus }[] = path.map((status, i) => {
    const step = progress[i];
    const key = STEP_LABEL[status];
    return {
      title: key ? t(key) : t(`status.${status}`),
      content: step === "waiting" ? "" : time(at[status]),
      status:
        step === "done" || (step === "current" && delivered)
          ? "finish"
          : step === "current"
            ? "process"
            : "default",
    };
  });
  if (isTerminal(request.status)) {
    steps.push({ title: t(`status.${request.status}`), content: time(endedAt(request)), status: "error" });
  } else {
    steps.push({ title: t("detail.stepDone"), content: "", status: delivered ? "finish" : "default" });
  }
  // TDesign shows every step before `current` as done: point it at the step in progress, or the
  // last one done, so a step never reached stays waiting even when the request ended after it.
  const inProgress = steps.findIndex((x) => x.status === "process");
  const lastDone = steps.map((x) => x.status).lastIndexOf("finish");
  return (
    <Steps
      current={inProgress >= 0 ? inProgress : Math.max(lastDone, 0)}
      readOnly
      options={steps.map((x, i) => ({ ...x, value: i }))}
    />
  );
}
