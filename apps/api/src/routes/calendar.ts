import {
  calendarDateParams,
  calendarDay,
  calendarDayInput,
  calendarQuery,
  errorBody,
  idempotencyHeaders as headers,
  listOf,
  okBody,
} from "@mic/contracts";
import type { App, Ctx } from "../app";
import { sendMutation } from "../lib/idempotency";
import { authorize, userOf } from "../lib/session";
import { addCalendarDay, listCalendarDays, removeCalendarDay } from "../services/calendar-days";

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
const tags = ["calendar"];

/** The holiday calendar (节假日与调休) that due dates are counted on (SPEC §5). */
export function calendarRoutes(app: App, { prisma, sessions }: Ctx) {
  const support = authorize(sessions, ["SUPPORT"]);

  app.get(
    "/api/calendar-days",
    {
      onRequest: authorize(sessions, ["ENTERPRISE_ADMIN", "PROVIDER_STAFF", "SUPPORT"]),
      schema: {
        tags,
        summary: "Holidays and make-up workdays, in date order",
        querystring: calendarQuery,
        response: { 200: listOf(calendarDay), ...errors },
      },
    },
    async (request) => listCalendarDays(prisma, request.query.year),
  );

  app.post(
    "/api/calendar-days",
    {
      onRequest: support,
      schema: {
        tags,
        summary: "Add a holiday or make-up workday",
        headers,
        body: calendarDayInput,
        response: { 201: calendarDay, ...errors },
      },
    },
    async (request, reply) => {
      const user = userOf(request);
      return sendMutation(prisma, request, reply, user.id, 201, (tx) =>
        addCalendarDay(tx, user, request.body),
      );
    },
  );

  app.delete(
    "/api/calendar-days/:date",
    {
      onRequest: support,
      schema: {
        tags,
        summary: "Remove a day from the calendar",
        headers,
        params: calendarDateParams,
        response: { 200: okBody, ...errors },
      },
    },
    async (request, reply) => {
      const user = userOf(request);
      return sendMutation(prisma, request, reply, user.id, 200, (tx) =>
        removeCalendarDay(tx, user, request.params.date),
      );
    },
  );
}
