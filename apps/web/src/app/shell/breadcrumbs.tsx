import { Fragment } from "react";
import { Link, useMatches } from "react-router";
import { useI18n } from "@/lib/i18n/i18n-provider";
import type { RouteHandle } from "../nav";

export function Breadcrumbs() {
  const { t } = useI18n();
  const matches = useMatches();
  const handle = [...matches].reverse().find((m) => (m.handle as RouteHandle | undefined)?.crumbs)?.handle as
    RouteHandle | undefined;
  const items = handle?.crumbs ?? [];
  if (items.length === 0) return null;
  return (
    <nav aria-label={t("nav.breadcrumb")} className="mic-breadcrumbs">
      <ol>
        {items.map((crumb, index) => {
          const last = index === items.length - 1;
          return (
            <Fragment key={crumb.key}>
              <li>
                {last ? (
                  <span aria-current="page">{t(crumb.key)}</span>
                ) : crumb.to ? (
                  <Link to={crumb.to}>{t(crumb.key)}</Link>
                ) : (
                  <span>{t(crumb.key)}</span>
                )}
              </li>
              {last ? null : (
                <li aria-hidden="true" className="mic-breadcrumb-sep">
                  /
                </li>
              )}
            </Fragment>
          );
        })}
      </ol>
    </nav>
  );
}
