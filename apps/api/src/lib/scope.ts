import type { SessionUser } from "./session";
import type { Scope } from "../services/transition-invoice";

/** The requests a user may see (SPEC §1): an admin its tenant's, staff their provider's, support all. */
export function scopeOf(user: SessionUser): Scope {
  if (user.role === "ENTERPRISE_ADMIN")
    return { tenantId: user.tenantId ?? "00000000-0000-0000-0000-000000000000" };
  if (user.role === "PROVIDER_STAFF")
    return { providerId: user.providerId ?? "00000000-0000-0000-0000-000000000000" };
  return {};
}
