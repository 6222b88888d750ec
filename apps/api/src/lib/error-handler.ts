import { langFrom, t, type Lang } from "@mic/contracts";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from "fastify-type-provider-zod";
import { isConnectionError } from "@mic/db";
import { AppError, ERROR_STATUS, notFound, type ErrorCode } from "./errors";
import { isUniqueViolation, unavailable } from "./tx";

interface ErrorBody {
  error: { code: ErrorCode; message: string; fields?: Record<string, string> };
}

function translateError(error: AppError, lang: Lang): ErrorBody {
  const args = (error.options.args ?? []).map((a) => t(a, lang));
  const fields = error.options.fields
    ? Object.fromEntries(Object.entries(error.options.fields).map(([k, v]) => [k, t(v, lang)]))
    : undefined;
  return {
    error: {
      code: error.code,
      message: t([error.messageKey, ...args].join(":"), lang),
      ...(fields ? { fields } : {}),
    },
  };
}

/** The zod issues of a failed body/query/params check, as field → message key. */
function validationFields(error: { validation: { instancePath: string; message?: string }[] }) {
  const fields: Record<string, string> = {};
  for (const issue of error.validation) {
    const path = issue.instancePath.replace(/^\//, "").replaceAll("/", ".") || "body";
    fields[path] ??= issue.message && /^[a-zA-Z.]+(:.*)?$/.test(issue.message) ? issue.message : "invalid";
  }
  return fields;
}

function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const database = databaseError(error);
  if (database) return database;
  if (hasZodFastifySchemaValidationErrors(error)) {
    return new AppError("VALIDATION", "validation", { fields: validationFields(error) });
  }
  const fastifyError = error as Partial<FastifyError>;
  switch (fastifyError.code) {
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return new AppError("PAYLOAD_TOO_LARGE", "body.tooLarge");
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return new AppError("UNSUPPORTED_MEDIA_TYPE", "body.json");
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
    case "FST_ERR_CTP_INVALID_JSON_BODY":
    case "FST_ERR_CTP_INVALID_CONTENT_LENGTH":
      return new AppError("VALIDATION", "body.json", { fields: { body: "body.json" } });
    // The router's own refusals (`%ZZ` in a path; a path parameter over maxParamLength).
    case "FST_ERR_BAD_URL":
      return new AppError("VALIDATION", "url.invalid", { fields: { path: "url.invalid" } });
    case "FST_ERR_MAX_PARAM_LENGTH":
      return new AppError("VALIDATION", "url.tooLong", { fields: { path: "url.tooLong" } });
  }
  if (error instanceof SyntaxError || fastifyError.statusCode === 400) {
    return new AppError("VALIDATION", "body.json", { fields: { body: "body.json" } });
  }
  if (fastifyError.statusCode === 413) return new AppError("PAYLOAD_TOO_LARGE", "body.tooLarge");
  if (fastifyError.statusCode === 415) return new AppError("UNSUPPORTED_MEDIA_TYPE", "body.json");
  return new AppError("INTERNAL", "internal");
}

/**
 * What the database said, as the caller should hear it: a lost connection is 503 (try again), a
 * unique-index race the service did not foresee is 409, a row that vanished under us is 404 —
 * never a 500 for something a user or the network can cause.
 */
function databaseError(error: unknown): AppError | undefined {
  if (isConnectionError(error)) return unavailable(error);
  if (isUniqueViolation(error)) return new AppError("CONFLICT", "conflict.concurrent");
  if ((error as { code?: unknown } | null)?.code === "P2025") return notFound();
  return undefined;
}

/** Seconds a client should wait before retrying a 503. */
const RETRY_AFTER_S = 1;

/**
 * Fastify's `frameworkErrors` option: errors the router raises before any route or error handler
 * is involved (a malformed or over-long path), answered in the same shape as every other error.
 */
export function frameworkErrors(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  const appError = toAppError(error);
  // No hooks run for these, so the headers every other answer gets from helmet and the onSend
  // hook are set here: a JSON error needs no more than the strictest policy.
  void reply
    .status(ERROR_STATUS[appError.code])
    .headers({
      "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
      "X-Content-Type-Options": "nosniff",
      "X-Frame-Options": "DENY",
      "Referrer-Policy": "same-origin",
      "Cache-Control": "no-store",
    })
    .send(translateError(appError, langFrom(request.headers["accept-language"])));
}

export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const appError = toAppError(error);
    if (appError.code === "INTERNAL" || isResponseSerializationError(error)) {
      request.log.error({ err: error }, "unhandled error");
    }
    if (appError.code === "UNAVAILABLE") {
      request.log.warn({ err: error }, "database unavailable");
      void reply.header("Retry-After", String(RETRY_AFTER_S));
    }
    void reply
      .status(ERROR_STATUS[appError.code])
      .send(translateError(appError, langFrom(request.headers["accept-language"])));
  });
}
