/** One error type for the whole API; the code decides the HTTP status (SPEC §8). */
export const ERROR_STATUS = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

/**
 * `messageKey` and the values of `fields` are keys of @mic/contracts' messages, translated into
 * the caller's language by the error handler; `args` fill the message's {0}, {1} (and are
 * themselves translated when they are keys, e.g. "status.PENDING").
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly messageKey: string,
    readonly options: { args?: string[]; fields?: Record<string, string> } = {},
  ) {
    super(messageKey);
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = () => new AppError("NOT_FOUND", "notFound");
export const conflict = (key: string, ...args: string[]) => new AppError("CONFLICT", key, { args });
export const fieldError = (field: string, key: string) =>
  new AppError("VALIDATION", "validation", { fields: { [field]: key } });
