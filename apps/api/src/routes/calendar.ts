import {
  calendarDateParams,
  calendarDay,
  calendarDayInput,
  calendarQuery,
  idempotencyHeaders as headers,
  listOf,
  okBody,
} from "@mic/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { sendMutation } from "../lib/idempotency";
import { SIGNED_IN, userOf } from "../plugins/authorization";
import { addCalendarDay, listCalendarDays, removeCalendarDay } from "../services/calendar-days";

const tags = ["calendar"];

/** The holiday calendar (节假日与调休) that due dates are counted on (SPEC §5). */
export const calendarRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/calendar-days",
    {
      config: { roles: SIGNED_IN },
      schema: {
        tags,
        summary: "Holidays and make-up workdays, in date order",
        querystring: calendarQuery,
        response: { 200: listOf(calendarDay) },
      },
    },
    async (request) => listCalendarDays(app.prisma, request.query.year),
  );

  app.post(
    "/api/calendar-days",
    {
      config: { roles: ["SUPPORT"] },
      schema: {
        tags,
        summary: "Add a holiday or make-up workday",
        headers,
        body: calendarDayInput,
        response: { 201: calendarDay },
      },
    },
    async (request, reply) =>
      sendMutation(request, reply, 201, (tx) => addCalendarDay(tx, userOf(request), request.body)),
  );

  app.delete(
    "/api/calendar-days/:date",
    {
      config: { roles: ["SUPPORT"] },
      schema: {
        tags,
        summary: "Remove a day from the calendar",
        headers,
        params: calendarDateParams,
        response: { 200: okBody },
      },
    },
    async (request, reply) =>
      sendMutation(request, reply, 200, (tx) => removeCalendarDay(tx, userOf(request), request.params.date)),
  );
};
