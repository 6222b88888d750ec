import { kindOf } from "@mic/domain";
import { useRef, useState } from "react";
import { Link, useLocation, useNavigate } from "react-router";
import { Alert, Button, MessagePlugin } from "tdesign-react";
import { paths } from "@/app/paths";
import { DescriptionList } from "@/components/description-list";
import { Money } from "@/components/money";
import { Page, Panel } from "@/components/page";
import { addressSnapshotItems, titleSnapshotItems } from "@/components/request-snapshots";
import { newIdempotencyKey } from "@/lib/api-client";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { useCreateInvoiceRequest } from "../api/create-invoice-request";
import { clearApplyFlow, readConfirmState, type ConfirmState } from "../utils/apply-session";

export function ConfirmPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const [state] = useState<ConfirmState | null>(() =>
    (location.state as ConfirmState | null)?.quote ? (location.state as ConfirmState) : readConfirmState(),
  );
  // One key per visit of this page: a double click or a retry after a timeout is the same request.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const create = useCreateInvoiceRequest();
  // A double click fires twice before React re-renders the disabled button.
  const inFlight = useRef(false);

  if (!state) {
    return (
      <Page title={t("confirm.title")}>
        <Alert
          theme="warning"
          message={t("confirm.missing")}
          operation={<Link to={paths.marketplace}>{t("nav.marketplace")}</Link>}
        />
      </Page>
    );
  }

  const { input, quote } = state;
  const submit = () => {
    if (inFlight.current) return;
    inFlight.current = true;
    create.mutate(
      { body: input, idempotencyKey },
      {
        onSettled: () => {
          inFlight.current = false;
        },
        onSuccess: (request) => {
          clearApplyFlow(input.providerId);
          void MessagePlugin.success(t("confirm.success"));
          navigate(paths.records, {
            replace: true,
            state: { createdId: request.id, createdNumber: request.number },
          });
        },
      },
    );
  };

  const title = quote.title;
  const address = quote.address;
  const done = create.isSuccess;
  const electronic = kindOf(quote.invoiceType) === "ELECTRONIC";

  return (
    <Page
      title={t("confirm.title")}
      description={electronic ? t("confirm.descElectronic") : t("confirm.desc")}
    >
      {create.error ? (
        <div role="alert" className="mic-gap">
          <Alert
            theme="error"
            title={t("confirm.failed")}
            message={create.error.message}
            operation={<Link to={paths.apply(input.providerId)}>{t("confirm.back")}</Link>}
          />
        </div>
      ) : null}
      <Panel title={t("confirm.invoiceInfo")}>
        <DescriptionList
          items={[
            [t("confirm.provider"), quote.providerName],
            [t("confirm.amount"), <Money key="a" value={quote.amount} strong />],
            [t("confirm.invoiceType"), t(`invoiceType.${quote.invoiceType}`)],
            ...titleSnapshotItems(title, t),
          ]}
        />
      </Panel>
      {electronic ? (
        <Panel title={t("confirm.receiptInfo")}>
          <DescriptionList
            items={[
              [t("issue.email"), quote.email],
              [t("confirm.issueDueDate"), t("confirm.dueDateHint", { date: quote.dueDate })],
            ]}
          />
        </Panel>
      ) : (
        <Panel title={t("confirm.mailingInfo")}>
          <DescriptionList
            items={[
              ...(address ? addressSnapshotItems(address, t) : []),
              [
                t("confirm.shippingPayer"),
                quote.shippingPayer ? t(`shippingPayer.${quote.shippingPayer}`) : "—",
              ],
              [t("confirm.dueDate"), t("confirm.dueDateHint", { date: quote.dueDate })],
            ]}
          />
        </Panel>
      )}
      <div className="mic-actions-row">
        <Button
          tag="button"
          variant="outline"
          disabled={create.isPending || done}
          onClick={() => navigate(paths.apply(input.providerId))}
        >
          {t("confirm.back")}
        </Button>
        <Button
          tag="button"
          theme="primary"
          loading={create.isPending}
          disabled={create.isPending || done}
          onClick={submit}
        >
          {t("confirm.submit")}
        </Button>
      </div>
    </Page>
  );
}
