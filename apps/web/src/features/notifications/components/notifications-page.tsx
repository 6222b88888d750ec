import { Button, Form, MessagePlugin, Space, Switch, Tag } from "tdesign-react";
import { z } from "zod";
import { FilterBar, FilteredEmpty } from "@/components/filter-bar";
import { PagedTable } from "@/components/paged-table";
import { Page, Panel } from "@/components/page";
import { useMe } from "@/lib/auth";
import { formatDateTime } from "@/lib/format";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { useUrlFilters } from "@/lib/use-url-filters";
import { useNotifications } from "../api/get-notifications";
import { useUnreadCount } from "../api/get-unread-count";
import { useMarkAllNotificationsRead, useMarkNotificationRead } from "../api/mark-read";
import type { Notification } from "@mic/contracts";
import { NotificationLink } from "./notification-bell";

const FILTER_KEYS = ["unread"] as const;
const filterSchema = z.object({ unread: z.enum(["true"]).optional() });

/** 站内信: every notification, newest first, keyset-paged; 仅看未读, 标为已读 and 全部标为已读. */
export function NotificationsPage() {
  const { t, lang } = useI18n();
  const { data: me } = useMe();
  const { filters, filtered, setFilter, reset } = useUrlFilters(FILTER_KEYS, filterSchema);
  const unreadOnly = filters.unread === "true";
  const list = useNotifications(unreadOnly);
  const unread = useUnreadCount();
  const markRead = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();
  const count = unread.data ?? 0;

  const readAll = () =>
    markAll.mutate(undefined, {
      onSuccess: () => void MessagePlugin.success(t("notifications.allMarked")),
      onError: (error) => void MessagePlugin.error(error.message),
    });

  return (
    <Page
      title={t("notifications.title")}
      description={t("notifications.desc")}
      actions={
        // tag="button": TDesign renders a disabled Button as a <div>, which is no button to a screen reader.
        <Button
          tag="button"
          theme="primary"
          disabled={count === 0}
          loading={markAll.isPending}
          onClick={readAll}
        >
          {t("notifications.markAllRead")}
        </Button>
      }
    >
      <Panel>
        <FilterBar onReset={reset}>
          <Form.FormItem label={t("notifications.unreadOnly")} for="notifications-unread">
            <Switch
              // TDesign passes these through to its <button role="switch"> but does not type them.
              {...({ id: "notifications-unread", "aria-checked": unreadOnly } as Record<string, unknown>)}
              value={unreadOnly}
              onChange={(v) => setFilter("unread", v ? "true" : undefined)}
            />
          </Form.FormItem>
        </FilterBar>
        <PagedTable<Notification>
          query={list}
          empty={
            <FilteredEmpty filtered={filtered} onClear={reset}>
              {t("notifications.empty")}
            </FilteredEmpty>
          }
          label={t("notifications.tableLabel")}
          columns={[
            {
              colKey: "readAt",
              title: t("notifications.state"),
              width: 90,
              cell: ({ row }) =>
                row.readAt === null ? (
                  <Tag theme="primary" variant="light">
                    {t("notifications.unread")}
                  </Tag>
                ) : (
                  <Tag variant="light">{t("notifications.read")}</Tag>
                ),
            },
            {
              colKey: "title",
              title: t("notifications.content"),
              width: 520,
              // Title and body on their own lines, wrapped: the message is the point of the row.
              ellipsis: false,
              cell: ({ row }) => (me ? <NotificationLink notification={row} role={me.role} /> : row.title),
            },
            {
              colKey: "createdAt",
              title: t("notifications.createdAt"),
              cell: ({ row }) => formatDateTime(row.createdAt, lang),
            },
            {
              colKey: "actions",
              title: t("common.actions"),
              cell: ({ row }) => (
                <Space size={4}>
                  {row.readAt === null ? (
                    <Button
                      variant="text"
                      theme="primary"
                      size="small"
                      aria-label={t("notifications.markReadLabel", { title: row.title })}
                      loading={markRead.isPending && markRead.variables === row.id}
                      onClick={() => markRead.mutate(row.id)}
                    >
                      {t("notifications.markRead")}
                    </Button>
                  ) : (
                    <span className="mic-muted mic-small">
                      {t("notifications.readAt", { time: formatDateTime(row.readAt, lang) })}
                    </span>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Panel>
    </Page>
  );
}
