import type { Role } from "@mic/domain";
import { useState } from "react";
import { NavLink, useLocation } from "react-router";
import { ChevronDownIcon, ChevronUpIcon, FileIcon, ServiceIcon, ShopIcon } from "tdesign-icons-react";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { activeNavItem, navByRole, type NavItem } from "../nav";

const ROLE_ICON: Record<Role, typeof FileIcon> = {
  ENTERPRISE_ADMIN: FileIcon,
  PROVIDER_STAFF: ShopIcon,
  SUPPORT: ServiceIcon,
};

// Plain <nav><ul><li><a> in TDesign's menu look: TDesign's Menu nests <li> outside lists, which
// screen readers (and axe) reject.
export function SideNav({ role }: { role: Role }) {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const active = activeNavItem(role, pathname);
  const [collapsed, setCollapsed] = useState<Record<string, boolean>>({});
  const Icon = ROLE_ICON[role];

  const items = (list: NavItem[]) => (
    <ul className="mic-nav-list">
      {list.map((item) => (
        <li key={item.to}>
          <NavLink
            to={item.to}
            className={item.to === active ? "mic-nav-link is-active" : "mic-nav-link"}
            aria-current={item.to === active ? "page" : undefined}
          >
            {t(item.key)}
          </NavLink>
        </li>
      ))}
    </ul>
  );

  return (
    <nav aria-label={t("nav.main")} className="mic-sidenav">
      {navByRole[role].map((group) => {
        const sub = group.sub;
        const open = sub ? !collapsed[sub] : true;
        return (
          <div key={group.key} className="mic-nav-group">
            <div className="mic-nav-group-title">{t(group.key)}</div>
            {sub ? (
              <>
                <button
                  type="button"
                  className="mic-nav-sub"
                  aria-expanded={open}
                  onClick={() => setCollapsed((c) => ({ ...c, [sub]: open }))}
                >
                  <Icon aria-hidden="true" />
                  <span>{t(sub)}</span>
                  {open ? <ChevronUpIcon aria-hidden="true" /> : <ChevronDownIcon aria-hidden="true" />}
                </button>
                {open ? items(group.items) : null}
              </>
            ) : (
              items(group.items)
            )}
          </div>
        );
      })}
    </nav>
  );
}
