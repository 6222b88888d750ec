import type { Role } from "@mic/domain";
import type { MouseEvent } from "react";
import { useLocation, useNavigate } from "react-router";
import { FileIcon, ServiceIcon, ShopIcon } from "tdesign-icons-react";
import { Menu } from "tdesign-react";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { activeNavItem, navByRole } from "../nav";

const { MenuItem, SubMenu, MenuGroup } = Menu;

const ROLE_ICON: Record<Role, typeof FileIcon> = {
  ENTERPRISE_ADMIN: FileIcon,
  PROVIDER_STAFF: ShopIcon,
  SUPPORT: ServiceIcon,
};

export function SideNav({ role }: { role: Role }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const groups = navByRole[role];
  const Icon = ROLE_ICON[role];

  const go = (to: string) => (context: { e: MouseEvent<HTMLElement> }) => {
    const { e } = context;
    // Let the browser handle "open in new tab" on the real <a href>.
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    navigate(to);
  };

  return (
    <nav aria-label={t("nav.main")} className="mic-sidenav">
      <Menu
        theme="light"
        width="220px"
        value={activeNavItem(role, pathname) ?? ""}
        defaultExpanded={groups.map((g) => g.sub ?? g.key)}
      >
        {groups.map((group) => (
          <MenuGroup key={group.key} title={t(group.key)}>
            {group.sub ? (
              <SubMenu value={group.sub} title={t(group.sub)} icon={<Icon />}>
                {group.items.map((item) => (
                  <MenuItem key={item.to} value={item.to} href={item.to} onClick={go(item.to)}>
                    {t(item.key)}
                  </MenuItem>
                ))}
              </SubMenu>
            ) : (
              group.items.map((item) => (
                <MenuItem key={item.to} value={item.to} href={item.to} onClick={go(item.to)}>
                  {t(item.key)}
                </MenuItem>
              ))
            )}
          </MenuGroup>
        ))}
      </Menu>
    </nav>
  );
}
