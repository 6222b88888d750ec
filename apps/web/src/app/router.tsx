import { lazy, Suspense, type ComponentType } from "react";
import { createBrowserRouter, type RouteObject } from "react-router";
import { LoadingBlock } from "@/components/query-state";
import { getLang } from "@/lib/i18n/lang-store";
import { loadConsoleMessages } from "@/lib/i18n/locales";
import { HomeRedirect, RequireAuth, RequireRole } from "./guards";
import { crumbs, type RouteHandle } from "./nav";
import { NotFoundPage } from "./not-found";
import { paths } from "./paths";

// One chunk per page (and one for the signed-in shell) keeps /login to the sign-in form.
function page<M>(load: () => Promise<M>, pick: (m: M) => ComponentType) {
  const Component = lazy(() => load().then((m) => ({ default: pick(m) })));
  return <Component />;
}

const loadLoginPage = () => import("@/features/auth/components/login-page");
const LoginPage = lazy(() => loadLoginPage().then((m) => ({ default: m.LoginPage })));
// Opened on /login: its chunk downloads alongside the language's, not after it (main.tsx).
if (window.location.pathname === paths.login) void loadLoginPage();

// The signed-in chrome (top bar, menu, breadcrumbs) is not part of /login's download.
// It waits for the signed-in pages' strings too (lib/i18n/locales.ts).
const AppShell = lazy(() =>
  Promise.all([import("./shell/app-shell"), loadConsoleMessages(getLang())]).then(([m]) => ({
    default: m.AppShell,
  })),
);

const route = (path: string, element: React.ReactNode, handle: RouteHandle): RouteObject => ({
  path,
  element,
  handle,
});

const returnRequestsPage = () =>
  page(
    () => import("@/features/returns/components/return-requests-page"),
    (m) => m.ReturnRequestsPage,
  );

const adminRoutes: RouteObject[] = [
  route(
    paths.marketplace,
    page(
      () => import("@/features/marketplace/components/marketplace-page"),
      (m) => m.MarketplacePage,
    ),
    { crumbs: crumbs.admin({ key: "nav.marketplace" }) },
  ),
  route(
    paths.applyPattern,
    page(
      () => import("@/features/marketplace/components/apply-page"),
      (m) => m.ApplyPage,
    ),
    { crumbs: crumbs.admin({ key: "nav.marketplace", to: paths.marketplace }, { key: "nav.apply" }) },
  ),
  route(
    paths.confirm,
    page(
      () => import("@/features/marketplace/components/confirm-page"),
      (m) => m.ConfirmPage,
    ),
    { crumbs: crumbs.admin({ key: "nav.marketplace", to: paths.marketplace }, { key: "nav.confirm" }) },
  ),
  route(
    paths.records,
    page(
      () => import("@/features/records/components/records-page"),
      (m) => m.RecordsPage,
    ),
    { crumbs: crumbs.admin({ key: "nav.records" }) },
  ),
  route(
    paths.recordPattern,
    page(
      () => import("@/features/records/components/record-detail-page"),
      (m) => m.RecordDetailPage,
    ),
    { crumbs: crumbs.admin({ key: "nav.records", to: paths.records }, { key: "nav.recordDetail" }) },
  ),
  route(paths.returns, returnRequestsPage(), { crumbs: crumbs.admin({ key: "nav.returns" }) }),
  route(
    paths.myTickets,
    page(
      () => import("@/features/tickets/components/my-tickets-page"),
      (m) => m.MyTicketsPage,
    ),
    { crumbs: crumbs.admin({ key: "nav.myTickets" }) },
  ),
  route(
    paths.titles,
    page(
      () => import("@/features/titles/components/titles-page"),
      (m) => m.TitlesPage,
    ),
    { crumbs: crumbs.admin({ key: "nav.titles" }) },
  ),
  route(
    paths.addresses,
    page(
      () => import("@/features/addresses/components/addresses-page"),
      (m) => m.AddressesPage,
    ),
    { crumbs: crumbs.admin({ key: "nav.addresses" }) },
  ),
  route(
    paths.withdrawals,
    page(
      () => import("@/features/withdrawals/components/withdrawals-page"),
      (m) => m.WithdrawalsPage,
    ),
    { crumbs: crumbs.admin({ key: "nav.withdrawals" }) },
  ),
  route(
    paths.adminWebhooks,
    page(
      () => import("@/features/webhooks/components/webhooks-page"),
      (m) => m.WebhooksPage,
    ),
    { crumbs: crumbs.admin({ key: "nav.webhooks" }) },
  ),
];

const providerRoutes: RouteObject[] = [
  route(
    paths.providerQueue,
    page(
      () => import("@/features/provider/components/provider-queue-page"),
      (m) => m.ProviderQueuePage,
    ),
    { crumbs: crumbs.provider({ key: "nav.providerQueue" }) },
  ),
  route(paths.providerReturns, returnRequestsPage(), { crumbs: crumbs.provider({ key: "nav.returns" }) }),
  route(
    paths.providerWebhooks,
    page(
      () => import("@/features/webhooks/components/webhooks-page"),
      (m) => m.WebhooksPage,
    ),
    { crumbs: crumbs.provider({ key: "nav.webhooks" }) },
  ),
];

const supportRoutes: RouteObject[] = [
  route(
    paths.supportTickets,
    page(
      () => import("@/features/support/components/tickets-page"),
      (m) => m.TicketsPage,
    ),
    { crumbs: crumbs.support({ key: "nav.supportTickets" }) },
  ),
  route(
    paths.supportRecords,
    page(
      () => import("@/features/support/components/support-records-page"),
      (m) => m.SupportRecordsPage,
    ),
    { crumbs: crumbs.support({ key: "nav.supportRecords" }) },
  ),
  route(paths.supportReturns, returnRequestsPage(), { crumbs: crumbs.support({ key: "nav.returns" }) }),
  route(
    paths.supportRefunds,
    page(
      () => import("@/features/support/components/refunds-page"),
      (m) => m.RefundsPage,
    ),
    { crumbs: crumbs.support({ key: "nav.supportRefunds" }) },
  ),
  route(
    paths.supportAudit,
    page(
      () => import("@/features/support/components/audit-page"),
      (m) => m.AuditPage,
    ),
    { crumbs: crumbs.support({ key: "nav.supportAudit" }) },
  ),
  route(
    paths.supportCalendar,
    page(
      () => import("@/features/support/components/calendar-page"),
      (m) => m.CalendarPage,
    ),
    { crumbs: crumbs.support({ key: "nav.supportCalendar" }) },
  ),
  route(
    paths.supportOnTime,
    page(
      () => import("@/features/support/components/on-time-page"),
      (m) => m.OnTimePage,
    ),
    { crumbs: crumbs.support({ key: "nav.supportOnTime" }) },
  ),
];

export const router = createBrowserRouter([
  { path: paths.login, element: <LoginPage /> },
  {
    element: <RequireAuth />,
    children: [
      {
        element: (
          <Suspense fallback={<LoadingBlock />}>
            <AppShell />
          </Suspense>
        ),
        children: [
          { index: true, element: <HomeRedirect /> },
          { element: <RequireRole roles={["ENTERPRISE_ADMIN"]} />, children: adminRoutes },
          { element: <RequireRole roles={["PROVIDER_STAFF"]} />, children: providerRoutes },
          { element: <RequireRole roles={["SUPPORT"]} />, children: supportRoutes },
          route(
            paths.notifications,
            page(
              () => import("@/features/notifications/components/notifications-page"),
              (m) => m.NotificationsPage,
            ),
            { crumbs: [{ key: "nav.notifications" }] },
          ),
          { path: "*", element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
