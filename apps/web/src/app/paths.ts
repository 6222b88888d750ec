import type { Role } from "@mic/domain";

/** Every route of the console; links and redirects build URLs only through these. */
export const paths = {
  home: "/",
  login: "/login",
  marketplace: "/invoices/marketplace",
  apply: (providerId: string) => `/invoices/marketplace/apply/${encodeURIComponent(providerId)}`,
  applyPattern: "/invoices/marketplace/apply/:providerId",
  confirm: "/invoices/marketplace/confirm",
  records: "/invoices/records",
  record: (id: string) => `/invoices/records/${encodeURIComponent(id)}`,
  recordPattern: "/invoices/records/:id",
  returns: "/invoices/returns",
  myTickets: "/invoices/tickets",
  titles: "/invoices/titles",
  addresses: "/invoices/addresses",
  withdrawals: "/invoices/withdrawals",
  providerQueue: "/provider/queue",
  providerReturns: "/provider/returns",
  supportTickets: "/support/tickets",
  supportRecords: "/support/records",
  supportReturns: "/support/returns",
  supportRefunds: "/support/refunds",
  supportAudit: "/support/audit",
  supportCalendar: "/support/calendar",
  notifications: "/notifications",
  adminWebhooks: "/invoices/webhooks",
  providerWebhooks: "/provider/webhooks",
  supportOnTime: "/support/on-time",
} as const;

export const homeFor = (role: Role): string =>
  role === "ENTERPRISE_ADMIN"
    ? paths.marketplace
    : role === "PROVIDER_STAFF"
      ? paths.providerQueue
      : paths.supportTickets;

/** `?returnTo=` only ever points inside this console, never to another site. */
export function safeReturnTo(value: string | null | undefined): string | null {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/login")) return null;
  return value;
}
