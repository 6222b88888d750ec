import fp from "fastify-plugin";
import { registerErrorHandler } from "../lib/error-handler";

/**
 * The one error handler (lib/error-handler.ts): every thrown error becomes `{ error: { code,
 * message, fields? } }` with the status of its code. Router errors before any route are answered
 * by the `frameworkErrors` option in the same shape (app.ts).
 */
export const errorsPlugin = fp(
  async (app) => {
    registerErrorHandler(app);
  },
  { name: "errors" },
);
