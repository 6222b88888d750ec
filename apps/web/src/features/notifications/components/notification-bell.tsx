import type { Role } from "@mic/domain";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { Link, useLocation } from "react-router";
import { NotificationIcon } from "tdesign-icons-react";
import { Button } from "tdesign-react";
import { paths } from "@/app/paths";
import { QueryState } from "@/components/query-state";
import { formatDateTime } from "@/lib/format";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { useLatestNotifications } from "../api/get-notifications";
import { useUnreadCount } from "../api/get-unread-count";
import { notificationKeys } from "../api/query-keys";
import { useMarkAllNotificationsRead, useMarkNotificationRead } from "../api/mark-read";
import { NOTIFICATION_TYPES, type Notification, type NotificationType } from "@mic/contracts";
import { requestLink } from "../request-link";
import "../notifications.css";

const isNotificationType = (type: string): type is NotificationType =>
  (NOTIFICATION_TYPES as readonly string[]).includes(type);

/** "99+" past two digits, as a badge has room for. */
export const badgeText = (count: number) => (count > 99 ? "99+" : String(count));

/**
 * The top bar's bell: the unread count (polled every 30 s and on focus) and a dropdown of the
 * latest few, each leading to its request; 全部标为已读 and 查看全部 at the bottom.
 */
export function NotificationBell({ role }: { role: Role }) {
  const { t } = useI18n();
  const unread = useUnreadCount();
  // Open on the page it was opened on: following a link (or any navigation) closes it.
  const { key: locationKey } = useLocation();
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === locationKey;
  const setOpen = (next: boolean | ((open: boolean) => boolean)) =>
    setOpenOn((current) => {
      const value = typeof next === "function" ? next(current === locationKey) : next;
      return value ? locationKey : null;
    });
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const count = unread.data ?? 0;

  // A poll that finds more unread than before: the lists (dropdown, 站内信 page) have news too.
  const queryClient = useQueryClient();
  const seen = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (unread.data === undefined) return;
    if (seen.current !== undefined && unread.data > seen.current) {
      void queryClient.invalidateQueries({
        queryKey: notificationKeys.all,
        predicate: (query) => query.queryKey[1] !== notificationKeys.unreadCount[1],
      });
    }
    seen.current = unread.data;
  }, [unread.data, queryClient]);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpenOn(null);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpenOn(null);
      button.current?.focus();
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  const label = count > 0 ? t("notifications.bellUnread", { count }) : t("notifications.bell");

  return (
    <div className="mic-bell" ref={root}>
      <Button
        ref={button}
        variant="text"
        shape="square"
        className="mic-topbar-btn mic-bell-button"
        aria-label={label}
        title={label}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen((o) => !o)}
      >
        <NotificationIcon size="20px" aria-hidden="true" />
        {count > 0 ? (
          <span className="mic-bell-badge" aria-hidden="true" data-testid="notification-badge">
            {badgeText(count)}
          </span>
        ) : null}
      </Button>
      {open ? <BellPanel id={panelId} role={role} count={count} onClose={() => setOpen(false)} /> : null}
    </div>
  );
}

function BellPanel({
  id,
  role,
  count,
  onClose,
}: {
  id: string;
  role: Role;
  count: number;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const latest = useLatestNotifications(true);
  const markAll = useMarkAllNotificationsRead();
  return (
    <section id={id} className="mic-bell-panel" aria-label={t("notifications.latest")}>
      <header className="mic-bell-panel-header">
        <h2 className="mic-bell-panel-title">{t("notifications.latest")}</h2>
        <span className="mic-muted mic-small">{t("notifications.unreadCount", { count })}</span>
      </header>
      <QueryState query={latest} empty={<p className="mic-bell-empty">{t("notifications.empty")}</p>}>
        {(items) => (
          <ul className="mic-bell-list">
            {items.map((n) => (
              <li key={n.id}>
                <NotificationLink notification={n} role={role} compact onNavigate={onClose} />
              </li>
            ))}
          </ul>
        )}
      </QueryState>
      <footer className="mic-bell-panel-footer">
        <Button
          tag="button"
          variant="text"
          theme="primary"
          size="small"
          disabled={count === 0}
          loading={markAll.isPending}
          onClick={() => markAll.mutate()}
        >
          {t("notifications.markAllRead")}
        </Button>
        <Link className="mic-inline-link" to={paths.notifications} onClick={onClose}>
          {t("notifications.viewAll")}
        </Link>
      </footer>
    </section>
  );
}

/**
 * One notification as a link to its request (or to the 站内信 page when it concerns none); opening
 * it marks it read.
 */
export function NotificationLink({
  notification: n,
  role,
  compact,
  onNavigate,
}: {
  notification: Notification;
  role: Role;
  compact?: boolean;
  onNavigate?: () => void;
}) {
  const { t, lang } = useI18n();
  const markRead = useMarkNotificationRead();
  const unread = n.readAt === null;
  const to = n.requestId ? requestLink(role, n.requestId) : paths.notifications;
  return (
    <Link
      to={to}
      className={`mic-notification${unread ? " is-unread" : ""}${compact ? " is-compact" : ""}`}
      onClick={() => {
        if (unread) markRead.mutate(n.id);
        onNavigate?.();
      }}
    >
      <span className="mic-notification-head">
        {unread ? (
          <span className="mic-notification-dot" role="img" aria-label={t("notifications.unread")} />
        ) : null}
        <span className="mic-notification-title">{n.title}</span>
      </span>
      {n.body ? <span className="mic-notification-body">{n.body}</span> : null}
      {/* The kind of event in the UI's language (the API words title and body in Chinese). */}
      {isNotificationType(n.type) ? (
        <span className="mic-notification-type">{t(`event.${n.type}`)}</span>
      ) : null}
      {compact ? <span className="mic-notification-time">{formatDateTime(n.createdAt, lang)}</span> : null}
    </Link>
  );
}
