import { Page, Panel } from "@/components/page";
import { useMe } from "@/lib/auth";
import { useI18n } from "@/lib/i18n/i18n-provider";

/** Placeholder: the provider workbench (queue, start processing, ship) is built separately. */
export function ProviderQueuePage() {
  const { t } = useI18n();
  const { data: me } = useMe();
  const provider = me?.providerName ?? "";
  return (
    <Page title={`${provider} ${t("placeholder.providerTitle")}`.trim()}>
      <Panel>
        <p>{t("placeholder.providerBody", { provider })}</p>
        <p className="mic-muted">{t("placeholder.soon")}</p>
      </Panel>
    </Page>
  );
}
