import { onTimeQuery, onTimeRates as onTimeRatesBody } from "@mic/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { onTimeRates } from "../services/sla-clock";

/** The support desk's view of the SLA clock (SPEC §14). */
export const slaRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/sla/on-time",
    {
      config: { roles: ["SUPPORT"] },
      schema: {
        tags: ["sla"],
        summary: "Per provider: requests due in a month (yyyy-mm) shipped or issued by their due date",
        querystring: onTimeQuery,
        response: { 200: onTimeRatesBody },
      },
    },
    async (request) => onTimeRates(app.prisma, request.query.month),
  );
};
