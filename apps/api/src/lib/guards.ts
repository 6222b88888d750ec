import type { SessionUser } from "./session";
import { AppError } from "./errors";

/** The tenant of an enterprise admin; routes reaching here are already limited to that role. */
export function tenantOf(user: SessionUser): string {
  if (!user.tenantId) throw new AppError("FORBIDDEN", "forbidden.role");
  return user.tenantId;
}

export function providerOf(user: SessionUser): string {
  if (!user.providerId) throw new AppError("FORBIDDEN", "forbidden.role");
  return user.providerId;
}
