import { useState } from "react";
import { Button, MessagePlugin, Space, Tag, Tooltip } from "tdesign-react";
import { AddIcon } from "tdesign-icons-react";
import { confirmAction } from "@/components/confirm";
import { PagedTable } from "@/components/paged-table";
import { Page, Panel } from "@/components/page";
import { EmptyBlock } from "@/components/query-state";
import { useMe } from "@/lib/auth";
import { formatDateTime } from "@/lib/format";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { useWebhookEndpoints } from "../api/get-webhook-endpoints";
import { useDeleteWebhookEndpoint, type CreatedWebhookEndpoint } from "../api/mutations";
import { WEBHOOK_EVENT_TYPES, type WebhookEndpoint } from "@mic/contracts";
import { isDisabled } from "../endpoint-state";
import { CreateEndpointDialog } from "./create-endpoint-dialog";
import { DeliveriesDrawer } from "./deliveries-drawer";
import { SecretDialog } from "./secret-dialog";
import { VerifyHelp } from "./verify-help";
import "../webhooks.css";

/**
 * Webhook 推送 for a provider's staff (their provider's requests) and a tenant's admins (their
 * tenant's): endpoints with their events, the secret once, the delivery log and redelivery.
 */
export function WebhooksPage() {
  const { t, lang } = useI18n();
  const { data: me } = useMe();
  const endpoints = useWebhookEndpoints();
  const remove = useDeleteWebhookEndpoint();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedWebhookEndpoint | null>(null);
  const [viewing, setViewing] = useState<WebhookEndpoint | null>(null);
  const owner = me?.providerName ?? me?.tenantName ?? "";

  const askDelete = (endpoint: WebhookEndpoint) =>
    confirmAction({
      header: t("webhooks.delete.title"),
      body: t("webhooks.delete.confirm", { url: endpoint.url }),
      confirmText: t("webhooks.delete.submit"),
      cancelText: t("common.cancel"),
      danger: true,
      onConfirm: async () => {
        await remove.mutateAsync(endpoint.id);
        void MessagePlugin.success(t("webhooks.delete.done"));
      },
    });

  const eventLabels = (events: string[]) =>
    events.length === WEBHOOK_EVENT_TYPES.length
      ? t("webhooks.allEvents")
      : events
          .map((e) =>
            (WEBHOOK_EVENT_TYPES as readonly string[]).includes(e)
              ? t(`event.${e as (typeof WEBHOOK_EVENT_TYPES)[number]}`)
              : e,
          )
          .join("、");

  return (
    <Page
      title={t("webhooks.title")}
      description={t("webhooks.desc", { owner })}
      actions={
        <Button theme="primary" icon={<AddIcon />} onClick={() => setCreating(true)}>
          {t("webhooks.create.open")}
        </Button>
      }
    >
      <Panel title={t("webhooks.listTitle")}>
        <PagedTable<WebhookEndpoint>
          query={endpoints}
          empty={
            <EmptyBlock
              action={
                <Button variant="outline" onClick={() => setCreating(true)}>
                  {t("webhooks.create.open")}
                </Button>
              }
            >
              {t("webhooks.empty")}
            </EmptyBlock>
          }
          label={t("webhooks.tableLabel")}
          tableLayout="auto"
          columns={[
            {
              colKey: "url",
              title: t("webhooks.url"),
              width: 300,
              cell: ({ row }) => <code className="mic-webhook-url">{row.url}</code>,
            },
            {
              colKey: "events",
              title: t("webhooks.events"),
              width: 320,
              ellipsis: false,
              cell: ({ row }) => <span className="mic-webhook-events-cell">{eventLabels(row.events)}</span>,
            },
            {
              colKey: "status",
              title: t("webhooks.status"),
              width: 130,
              cell: ({ row }) =>
                isDisabled(row) ? (
                  <Tooltip
                    content={t("webhooks.disabledNotice", {
                      reason: row.disabledReason ?? t("webhooks.disabledGone"),
                    })}
                  >
                    <Tag theme="danger" variant="light" tabIndex={0}>
                      {t("webhooks.disabled")}
                    </Tag>
                  </Tooltip>
                ) : (
                  <Tag theme="success" variant="light">
                    {t("webhooks.enabled")}
                  </Tag>
                ),
            },
            {
              colKey: "createdAt",
              title: t("webhooks.createdAt"),
              cell: ({ row }) => formatDateTime(row.createdAt, lang),
            },
            {
              colKey: "actions",
              title: t("common.actions"),
              fixed: "right",
              cell: ({ row }) => (
                <Space size={4}>
                  <Button
                    variant="text"
                    theme="primary"
                    size="small"
                    aria-label={t("webhooks.deliveries.openLabel", { url: row.url })}
                    onClick={() => setViewing(row)}
                  >
                    {t("webhooks.deliveries.open")}
                  </Button>
                  <Button
                    variant="text"
                    theme="danger"
                    size="small"
                    aria-label={t("webhooks.delete.label", { url: row.url })}
                    onClick={() => askDelete(row)}
                  >
                    {t("common.delete")}
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </Panel>
      <VerifyHelp />
      <CreateEndpointDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(endpoint) => {
          setCreating(false);
          setCreated(endpoint);
        }}
      />
      <SecretDialog endpoint={created} onClose={() => setCreated(null)} />
      <DeliveriesDrawer endpoint={viewing} onClose={() => setViewing(null)} />
    </Page>
  );
}
