import type { Role } from "@mic/domain";
import type { MessageKey } from "@/lib/i18n/i18n-provider";
import { paths } from "./paths";

export interface NavItem {
  key: MessageKey;
  to: string;
}
export interface NavGroup {
  key: MessageKey;
  /** A second level (费用中心 › 发票管理), shown as an expandable sub-menu. */
  sub?: MessageKey;
  items: NavItem[];
}

export const navByRole: Record<Role, NavGroup[]> = {
  ENTERPRISE_ADMIN: [
    {
      key: "nav.costCenter",
      sub: "nav.invoice",
      items: [
        { key: "nav.marketplace", to: paths.marketplace },
        { key: "nav.records", to: paths.records },
        { key: "nav.returns", to: paths.returns },
        { key: "nav.myTickets", to: paths.myTickets },
        { key: "nav.titles", to: paths.titles },
        { key: "nav.addresses", to: paths.addresses },
        { key: "nav.withdrawals", to: paths.withdrawals },
        { key: "nav.webhooks", to: paths.adminWebhooks },
      ],
    },
  ],
  PROVIDER_STAFF: [
    {
      key: "nav.provider",
      items: [
        { key: "nav.providerQueue", to: paths.providerQueue },
        { key: "nav.returns", to: paths.providerReturns },
        { key: "nav.webhooks", to: paths.providerWebhooks },
      ],
    },
  ],
  SUPPORT: [
    {
      key: "nav.support",
      items: [
        { key: "nav.supportTickets", to: paths.supportTickets },
        { key: "nav.supportRecords", to: paths.supportRecords },
        { key: "nav.returns", to: paths.supportReturns },
        { key: "nav.supportRefunds", to: paths.supportRefunds },
        { key: "nav.supportAudit", to: paths.supportAudit },
        { key: "nav.supportCalendar", to: paths.supportCalendar },
        { key: "nav.supportOnTime", to: paths.supportOnTime },
      ],
    },
  ],
};

/** The nav entry a URL belongs to: the longest item path that prefixes it. */
export function activeNavItem(role: Role, pathname: string): string | undefined {
  let best: string | undefined;
  for (const group of navByRole[role]) {
    for (const item of group.items) {
      if (
        (pathname === item.to || pathname.startsWith(`${item.to}/`)) &&
        item.to.length > (best?.length ?? 0)
      ) {
        best = item.to;
      }
    }
  }
  return best;
}

export interface Crumb {
  key: MessageKey;
  to?: string;
}

export const crumbs = {
  admin: (...rest: Crumb[]): Crumb[] => [{ key: "nav.costCenter" }, { key: "nav.invoice" }, ...rest],
  provider: (...rest: Crumb[]): Crumb[] => [{ key: "nav.provider" }, ...rest],
  support: (...rest: Crumb[]): Crumb[] => [{ key: "nav.support" }, ...rest],
};

export interface RouteHandle {
  crumbs?: Crumb[];
}
