import { Button } from "tdesign-react";
import { useI18n } from "@/lib/i18n/i18n-provider";

interface DialogActionsProps {
  onCancel: () => void;
  submitText: string;
  pending: boolean;
  /** A decision that cannot be taken back (void, reject, decline) shows a red submit button. */
  danger?: boolean;
  disabled?: boolean;
}

/** A dialog form's footer: 取消, then the submit button, at the right. */
export function DialogActions({ onCancel, submitText, pending, danger, disabled }: DialogActionsProps) {
  const { t } = useI18n();
  return (
    <div className="mic-actions-row" style={{ justifyContent: "flex-end" }}>
      <Button variant="outline" onClick={onCancel}>
        {t("common.cancel")}
      </Button>
      <Button type="submit" theme={danger ? "danger" : "primary"} loading={pending} disabled={disabled}>
        {submitText}
      </Button>
    </div>
  );
}
