import type { ReactNode } from "react";
import { Alert, Button, Loading } from "tdesign-react";
import { useI18n } from "@/lib/i18n/i18n-provider";
import "./query-state.css";

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
    <div className="mic-empty" role="status">
      <p>{children}</p>
      {action}
    </div>
  );
}

/** What QueryState reads of a TanStack query (plain or infinite). */
export interface QueryLike<T> {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  data: T | undefined;
  refetch: () => unknown;
}

/** An array with no element, or infinite-query data whose pages hold no item. */
export function isEmptyData(data: unknown): boolean {
  if (Array.isArray(data)) return data.length === 0;
  if (typeof data === "object" && data !== null && "pages" in data && Array.isArray(data.pages)) {
    return (data.pages as { items?: unknown[] }[]).every((p) => (p.items?.length ?? 0) === 0);
  }
  return false;
}

interface QueryStateProps<T> {
  query: QueryLike<T>;
  /** The empty state; without it an empty list still renders `children`. */
  empty?: ReactNode;
  /** Not fetched (e.g. invalid filters, whose errors show next to the fields): render nothing. */
  disabled?: boolean;
  /** Replaces the generic error block (e.g. a 404 worded for the page). */
  renderError?: (error: unknown) => ReactNode;
  children: (data: T) => ReactNode;
}

/** The one way a page shows a query's loading, error, empty and loaded states. */
export function QueryState<T>({ query, empty, disabled, renderError, children }: QueryStateProps<T>) {
  if (disabled) return null;
  if (query.isPending) return <LoadingBlock />;
  if (query.isError || query.data === undefined) {
    return renderError ? (
      renderError(query.error)
    ) : (
      <ErrorBlock error={query.error} onRetry={() => void query.refetch()} />
    );
  }
  if (empty !== undefined && isEmptyData(query.data)) return <>{empty}</>;
  return <>{children(query.data)}</>;
}
