import { useMatches } from "react-router";
import { Page, Panel } from "@/components/page";
import { useMe } from "@/lib/auth";
import { useI18n, type MessageKey } from "@/lib/i18n/i18n-provider";

interface Handle {
  crumbs?: { key: MessageKey }[];
}

/** Placeholder for the support desk pages (tickets, records, refunds, audit, calendar). */
export function SupportPlaceholderPage() {
  const { t } = useI18n();
  const { data: me } = useMe();
  const matches = useMatches();
  const crumbs = (matches.at(-1)?.handle as Handle | undefined)?.crumbs;
  const key = crumbs?.at(-1)?.key ?? "placeholder.supportTitle";
  return (
    <Page title={`${t(key)} · ${t("placeholder.supportTitle")}`}>
      <Panel>
        <h2 className="mic-panel-title">{t("placeholder.supportBody", { name: me?.name ?? "" })}</h2>
        <p className="mic-muted">{t("placeholder.soon")}</p>
      </Panel>
    </Page>
  );
}
