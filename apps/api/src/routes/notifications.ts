import {
  idempotencyHeaders as headers,
  idParams,
  listOf,
  notification,
  notificationListQuery,
  unreadCount as unreadCountBody,
} from "@mic/contracts";
import type { FastifyContextConfig } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { sendMutation } from "../lib/idempotency";
import { SIGNED_IN, userOf } from "../plugins/authorization";
import { listNotifications, markAllRead, markRead, unreadCount } from "../services/notifications";

const tags = ["notifications"];
const anyone: FastifyContextConfig = { roles: SIGNED_IN };

/** 站内信 (SPEC §14): every signed-in user reads and marks only their own. */
export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/notifications",
    {
      config: anyone,
      schema: {
        tags,
        summary: "Your notifications (站内信), newest first; ?unread=true for the unread ones",
        querystring: notificationListQuery,
        response: { 200: listOf(notification) },
      },
    },
    async (request) => listNotifications(app.prisma, userOf(request).id, request.query),
  );

  app.get(
    "/api/notifications/unread-count",
    {
      config: anyone,
      schema: {
        tags,
        summary: "How many of your notifications are unread",
        response: { 200: unreadCountBody },
      },
    },
    async (request) => unreadCount(app.prisma, userOf(request).id),
  );

  app.post(
    "/api/notifications/:id/read",
    {
      config: anyone,
      schema: {
        tags,
        summary: "Mark one notification read",
        headers,
        params: idParams,
        response: { 200: notification },
      },
    },
    async (request, reply) =>
      sendMutation(request, reply, 200, (tx) => markRead(tx, userOf(request).id, request.params.id)),
  );

  app.post(
    "/api/notifications/read-all",
    {
      config: anyone,
      schema: {
        tags,
        summary: "Mark all your notifications read; answers how many were unread",
        headers,
        response: { 200: unreadCountBody },
      },
    },
    async (request, reply) => sendMutation(request, reply, 200, (tx) => markAllRead(tx, userOf(request).id)),
  );
};
