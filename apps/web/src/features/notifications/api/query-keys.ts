/**
 * The 站内信 keys. Every list and the unread count share the `notifications` prefix, so marking one
 * read (or all) refreshes the bell, its dropdown and the page at once.
 */
export const notificationKeys = {
  all: ["notifications"] as const,
  list: (unread: boolean) => ["notifications", "list", unread ? "unread" : "all"] as const,
  latest: ["notifications", "latest"] as const,
  unreadCount: ["notifications", "unread-count"] as const,
};
