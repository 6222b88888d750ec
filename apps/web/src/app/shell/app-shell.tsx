import { Suspense } from "react";
import { Outlet } from "react-router";
import { LoadingBlock } from "@/components/query-state";
import { useMe } from "@/lib/auth";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { Breadcrumbs } from "./breadcrumbs";
import { SideNav } from "./side-nav";
import { TopBar } from "./top-bar";
import "./shell.css";

export function AppShell() {
  const { t } = useI18n();
  const { data: me } = useMe();
  if (!me) return null;
  return (
    <div className="mic-shell">
      <a className="mic-skip-link" href="#main">
        {t("app.skipToContent")}
      </a>
      <TopBar me={me} />
      <div className="mic-body">
        <SideNav role={me.role} />
        <main id="main" className="mic-content" tabIndex={-1}>
          <Breadcrumbs />
          <Suspense fallback={<LoadingBlock />}>
            <Outlet />
          </Suspense>
        </main>
      </div>
    </div>
  );
}
