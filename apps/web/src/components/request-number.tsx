import { CopyIcon } from "tdesign-icons-react";
import { Link } from "react-router";
import { Button, MessagePlugin } from "tdesign-react";
import { useI18n } from "@/lib/i18n/i18n-provider";
import "./request-number.css";

/**
 * 申请编号 (SPEC §11): the number people read out on the phone, with a copy button. `to` makes it a
 * link (lists); `onOpen` a button (drawers); neither, plain text (the detail page).
 */
export function RequestNumber({ number, to, onOpen }: { number: string; to?: string; onOpen?: () => void }) {
  const { t } = useI18n();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(number);
      void MessagePlugin.success(t("requestNumber.copied", { number }));
    } catch {
      void MessagePlugin.error(t("requestNumber.copyFailed"));
    }
  };
  return (
    <span className="mic-request-number mic-nowrap">
      {to ? (
        <Link to={to} className="mic-inline-link mic-mono">
          {number}
        </Link>
      ) : onOpen ? (
        <button
          type="button"
          className="mic-link-button mic-mono"
          aria-label={t("requestNumber.open", { number })}
          onClick={onOpen}
        >
          {number}
        </button>
      ) : (
        <span className="mic-mono">{number}</span>
      )}
      <Button
        variant="text"
        shape="square"
        size="small"
        icon={<CopyIcon aria-hidden="true" />}
        aria-label={t("requestNumber.copy", { number })}
        title={t("requestNumber.copy", { number })}
        onClick={() => void copy()}
      />
    </span>
  );
}
