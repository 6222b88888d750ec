import type { Notification as NotificationJson, notificationListQuery } from "@mic/contracts";
import type { Db, Notification } from "@mic/db";
import type { z } from "zod";
import { notFound } from "../lib/errors";
import { isUuid, newestPage } from "../lib/pagination";
import type { Tx } from "../lib/tx";
import { notificationText } from "./notifications-text";

function notificationJson(n: Notification): NotificationJson {
  return {
    id: n.id,
    type: n.type,
    ...notificationText(n.type, n.params),
    requestId: n.requestId,
    readAt: n.readAt ? n.readAt.toISOString() : null,
    createdAt: n.createdAt.toISOString(),
  };
}

/** The user's own notifications, newest first (keyset); `unread` keeps those not yet read. */
export async function listNotifications(db: Db, userId: string, q: z.infer<typeof notificationListQuery>) {
  const { rows, nextCursor } = await newestPage(
    q,
    {
      userId,
      ...(q.unread === true ? { readAt: null } : q.unread === false ? { readAt: { not: null } } : {}),
    },
    (window) => db.notification.findMany(window),
  );
  return { items: rows.map(notificationJson), nextCursor };
}

export async function unreadCount(db: Db, userId: string) {
  return { count: await db.notification.count({ where: { userId, readAt: null } }) };
}

/** Marks one of the user's notifications read (again is a no-op); anyone else's id is a 404. */
export async function markRead(tx: Tx, userId: string, id: string) {
  const found = isUuid(id) ? await tx.notification.findFirst({ where: { id, userId } }) : null;
  if (!found) throw notFound();
  if (found.readAt) return notificationJson(found);
  const updated = await tx.notification.update({ where: { id }, data: { readAt: new Date() } });
  return notificationJson(updated);
}

export async function markAllRead(tx: Tx, userId: string) {
  const { count } = await tx.notification.updateMany({
    where: { userId, readAt: null },
    data: { readAt: new Date() },
  });
  return { count };
}
