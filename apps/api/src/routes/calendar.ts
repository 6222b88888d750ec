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
import { mutate } from "../lib/idempotency";
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
      const outcome = await mutate(prisma, request, user.id, async (tx) => ({
        status: 201,
        body: await addCalendarDay(tx, user, request.body),
      }));
      return reply.status(outcome.status).send(outcome.body as never);
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
      const outcome = await mutate(prisma, request, user.id, async (tx) => ({
        status: 200,
        body: await removeCalendarDay(tx, user, request.params.date),
      }));
      return reply.status(outcome.status).send(outcome.body as never);
    },
  );
}
