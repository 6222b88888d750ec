import type { Role } from "@mic/domain";
import { paths } from "@/app/paths";
import { LINKED_REQUEST_PARAM } from "@/lib/use-linked-request";

/**
 * Where a notification about a request leads, per role: the admin's record detail page, the
 * provider's workbench and support's records list with that request's drawer open (`?request=`).
 */
export function requestLink(role: Role, requestId: string): string {
  const id = encodeURIComponent(requestId);
  if (role === "ENTERPRISE_ADMIN") return paths.record(requestId);
  if (role === "PROVIDER_STAFF") return `${paths.providerQueue}?${LINKED_REQUEST_PARAM}=${id}`;
  return `${paths.supportRecords}?${LINKED_REQUEST_PARAM}=${id}`;
}
