import type { ReactNode } from "react";
import { Alert, Button, Loading } from "tdesign-react";
import { useI18n } from "@/lib/i18n/i18n-provider";

export function LoadingBlock({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <div className="mic-state" role="status" aria-live="polite">
      <Loading size="small" text={label ?? t("common.loading")} />
    </div>
  );
}

export function ErrorBlock({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  const message = error instanceof Error && error.message ? error.message : t("common.networkError");
  return (
    <Alert
      theme="error"
      title={t("common.loadFailed")}
      message={message}
      operation={
        onRetry ? (
          <Button variant="text" theme="primary" size="small" onClick={onRetry}>
            {t("common.retry")}
          </Button>
        ) : undefined
      }
    />
  );
}

export function EmptyBlock({ children, action }: { children: ReactNode; action?: ReactNode }) {
  return (
    <div className="mic-empty">
      <p>{children}</p>
      {action}
    </div>
  );
}
