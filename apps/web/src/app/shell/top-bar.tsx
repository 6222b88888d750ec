import type { Me } from "@mic/contracts";
import { useNavigate } from "react-router";
import { CloudIcon, PoweroffIcon, TranslateIcon } from "tdesign-icons-react";
import { Button, MessagePlugin, Tag } from "tdesign-react";
import { useLogout } from "@/lib/auth";
import { NotificationBell } from "@/features/notifications/components/notification-bell";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { paths } from "../paths";

export function TopBar({ me }: { me: Me }) {
  const { t, lang, setLang } = useI18n();
  const navigate = useNavigate();
  const logout = useLogout();
  const organisation = me.tenantName ?? me.providerName;

  const signOut = () =>
    logout.mutate(undefined, {
      onSettled: () => {
        void MessagePlugin.success(t("topbar.signedOut"));
        navigate(paths.login, { replace: true });
      },
    });

  return (
    <header className="mic-topbar">
      <a className="mic-brand" href={paths.home}>
        <CloudIcon size="22px" aria-hidden="true" />
        <span className="mic-brand-name">{t("app.name")}</span>
        <span className="mic-brand-console">{t("app.console")}</span>
      </a>
      <div className="mic-topbar-right">
        <NotificationBell role={me.role} />
        <div className="mic-user" aria-label={t("topbar.account")} role="group">
          {organisation ? <span className="mic-user-org">{organisation}</span> : null}
          <span className="mic-user-name">
            {me.name}
            <span className="mic-user-email">{me.email}</span>
          </span>
          <Tag size="small" variant="outline" theme="primary" className="mic-user-role">
            {t(`role.${me.role}`)}
          </Tag>
        </div>
        {/* The REST API's browsable OpenAPI document (SPEC §8), for the ERP developers beside the user. */}
        <Button variant="text" className="mic-topbar-btn" href="/api/docs" target="_blank" rel="noopener">
          {t("topbar.apiDocs")}
        </Button>
        <Button
          variant="text"
          className="mic-topbar-btn"
          icon={<TranslateIcon />}
          lang={lang === "en" ? "zh-CN" : "en"}
          title={t("lang.toggleLabel")}
          onClick={() => setLang(lang === "en" ? "zh-CN" : "en")}
        >
          {t("lang.toggle")}
        </Button>
        <Button
          variant="text"
          className="mic-topbar-btn"
          icon={<PoweroffIcon />}
          loading={logout.isPending}
          onClick={signOut}
        >
          {t("topbar.signOut")}
        </Button>
      </div>
    </header>
  );
}
