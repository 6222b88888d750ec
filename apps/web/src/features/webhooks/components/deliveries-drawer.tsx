import { Alert, Button, MessagePlugin, Space, Tag } from "tdesign-react";
import { DetailDrawer } from "@/components/detail-drawer";
import { PagedTable } from "@/components/paged-table";
import { EmptyBlock } from "@/components/query-state";
import { formatDateTime } from "@/lib/format";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { useWebhookDeliveries } from "../api/get-webhook-endpoints";
import { useRetryWebhookDelivery } from "../api/mutations";
import type { WebhookDelivery, WebhookEndpoint } from "@mic/contracts";
import { isDisabled } from "../endpoint-state";

/** 投递记录: one row per attempt, with status code, latency, the response's start and 重新投递. */
export function DeliveriesDrawer({
  endpoint,
  onClose,
}: {
  endpoint: WebhookEndpoint | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  return (
    <DetailDrawer
      open={endpoint !== null}
      header={t("webhooks.deliveries.title")}
      closeText={t("webhooks.close")}
      className="mic-webhook-drawer"
      size="1040px"
      onClose={onClose}
    >
      {endpoint ? <Deliveries endpoint={endpoint} /> : null}
    </DetailDrawer>
  );
}

function StatusCode({ code }: { code: number | null }) {
  const { t } = useI18n();
  if (code === null || code === 0) {
    return (
      <Tag theme="danger" variant="light">
        {t("webhooks.deliveries.noResponse")}
      </Tag>
    );
  }
  const ok = code >= 200 && code < 300;
  return (
    <Tag theme={ok ? "success" : code === 410 ? "warning" : "danger"} variant="light">
      {code}
    </Tag>
  );
}

const STATUS_THEME = { PENDING: "warning", SUCCEEDED: "success", FAILED: "danger" } as const;
const isKnownStatus = (status: string): status is keyof typeof STATUS_THEME => status in STATUS_THEME;

/** 等待投递 (waiting or in flight), 成功, 失败. */
function DeliveryStatus({ status }: { status: string }) {
  const { t } = useI18n();
  if (!isKnownStatus(status)) return <Tag variant="light">{status}</Tag>;
  return (
    <Tag theme={STATUS_THEME[status]} variant="light">
      {t(`webhooks.deliveries.status.${status}`)}
    </Tag>
  );
}

function Deliveries({ endpoint }: { endpoint: WebhookEndpoint }) {
  const { t, lang } = useI18n();
  const deliveries = useWebhookDeliveries(endpoint.id);
  const retry = useRetryWebhookDelivery();
  const disabled = isDisabled(endpoint);

  const redeliver = (delivery: WebhookDelivery) =>
    retry.mutate(
      { endpointId: endpoint.id, deliveryId: delivery.id },
      {
        onSuccess: () => void MessagePlugin.success(t("webhooks.deliveries.retried")),
        onError: (error) => void MessagePlugin.error(error.message),
      },
    );

  return (
    <>
      <p className="mic-small">
        {t("webhooks.deliveries.for")} <code className="mic-webhook-url">{endpoint.url}</code>
      </p>
      {disabled ? (
        <Alert
          theme="warning"
          className="mic-gap"
          message={t("webhooks.disabledNotice", {
            reason: endpoint.disabledReason ?? t("webhooks.disabledGone"),
          })}
        />
      ) : null}
      <div className="mic-actions-row">
        <Button
          variant="outline"
          size="small"
          loading={deliveries.isRefetching && !deliveries.isFetchingNextPage}
          onClick={() => void deliveries.refetch()}
        >
          {t("webhooks.deliveries.refresh")}
        </Button>
      </div>
      <PagedTable<WebhookDelivery>
        query={deliveries}
        empty={<EmptyBlock>{t("webhooks.deliveries.empty")}</EmptyBlock>}
        label={t("webhooks.deliveries.tableLabel")}
        columns={[
          {
            colKey: "createdAt",
            title: t("webhooks.deliveries.time"),
            cell: ({ row }) => <span className="mic-nowrap">{formatDateTime(row.createdAt, lang)}</span>,
          },
          {
            colKey: "type",
            title: t("webhooks.deliveries.event"),
            width: 200,
            cell: ({ row }) => <code className="mic-webhook-event-code">{row.type}</code>,
          },
          { colKey: "attempt", title: t("webhooks.deliveries.attempt"), align: "right", width: 84 },
          {
            colKey: "statusCode",
            title: t("webhooks.deliveries.statusCode"),
            width: 80,
            cell: ({ row }) => <StatusCode code={row.statusCode} />,
          },
          {
            colKey: "status",
            title: t("webhooks.deliveries.result"),
            width: 90,
            cell: ({ row }) => <DeliveryStatus status={row.status} />,
          },
          {
            colKey: "durationMs",
            title: t("webhooks.deliveries.duration"),
            width: 90,
            align: "right",
            cell: ({ row }) =>
              row.durationMs === null ? "—" : t("webhooks.deliveries.ms", { ms: row.durationMs }),
          },
          {
            colKey: "responseExcerpt",
            title: t("webhooks.deliveries.response"),
            width: 220,
            cell: ({ row }) =>
              row.responseExcerpt ? (
                <code className="mic-webhook-excerpt" title={row.responseExcerpt}>
                  {row.responseExcerpt}
                </code>
              ) : (
                "—"
              ),
          },
          {
            colKey: "actions",
            title: t("common.actions"),
            width: 100,
            cell: ({ row }) => (
              <Space size={4}>
                <Button
                  tag="button"
                  variant="text"
                  theme="primary"
                  size="small"
                  disabled={disabled}
                  aria-label={t("webhooks.deliveries.retryLabel", {
                    type: row.type,
                    attempt: row.attempt,
                  })}
                  loading={retry.isPending && retry.variables.deliveryId === row.id}
                  onClick={() => redeliver(row)}
                >
                  {t("webhooks.deliveries.retry")}
                </Button>
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}
