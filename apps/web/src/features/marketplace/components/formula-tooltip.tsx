import type { InvoiceableAmount } from "@mic/contracts";
import { formatCny, parseAmount } from "@mic/domain";
import { useId } from "react";
import { Tooltip } from "tdesign-react";
import { formatMoney } from "@/components/money";
import { useI18n } from "@/lib/i18n/i18n-provider";
import "./formula.css";

const fen = (v: string) => parseAmount(v) ?? 0n;

/** 鼠标悬浮查看计算公式: the formula filled in with this tenant's figures at this provider. */
export function FormulaTooltip({ row }: { row: InvoiceableAmount }) {
  const { t } = useI18n();
  const id = useId();
  const raw =
    fen(row.consumed) -
    fen(row.refunded) -
    fen(row.pending) -
    fen(row.processing) -
    fen(row.mailing) -
    fen(row.issued);
  const filled = t("market.formulaFilled", {
    consumed: formatMoney(row.consumed),
    refunded: formatMoney(row.refunded),
    pending: formatMoney(row.pending),
    processing: formatMoney(row.processing),
    mailing: formatMoney(row.mailing),
    issued: formatMoney(row.issued),
    result: formatCny(raw),
  });
  const clamped = raw < 0n ? t("market.formulaClamped", { over: formatMoney(row.overInvoiced) }) : "";
  const content = (
    <div className="mic-formula">
      <div>{t("market.formula")}</div>
      <div>
        <code>{filled}</code>
      </div>
      {clamped ? <div>{clamped}</div> : null}
    </div>
  );
  return (
    <>
      <Tooltip content={content} placement="top" showArrow theme="light">
        <button type="button" className="mic-formula-trigger mic-money" aria-describedby={id}>
          {formatMoney(row.invoiceable)}
        </button>
      </Tooltip>
      <span id={id} hidden>
        {`${t("market.formula")} ${filled} ${clamped}`}
      </span>
    </>
  );
}
