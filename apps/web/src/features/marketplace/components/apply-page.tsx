import { formatAddress } from "@/lib/format-address";
import { FormulaTooltip } from "./formula-tooltip";
import { applyInvoiceInput, type ApplyInvoiceInput } from "@mic/contracts";
import {
  DEFAULT_INVOICE_TYPE,
  kindOf,
  missingTitleFields,
  parseAmount,
  shippingPayerFor,
  titleTypeAllowed,
} from "@mic/domain";
import { useEffect, useRef } from "react";
import { Link, useLocation, useNavigate, useParams } from "react-router";
import { Alert, Button, Form, Input, Radio, Select } from "tdesign-react";
import { useInvoiceTitles } from "@/api/get-invoice-titles";
import { useInvoiceableAmounts } from "@/api/get-invoiceable-amounts";
import { useMailingAddresses } from "@/api/get-mailing-addresses";
import { paths } from "@/app/paths";
import { Field } from "@/components/field";
import { MoneyInput, formatMoney } from "@/components/money";
import { Page, Panel } from "@/components/page";
import { ErrorBlock, LoadingBlock } from "@/components/query-state";
import { isApiError } from "@/lib/api-client";
import { useMe } from "@/lib/auth";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { selectValue } from "@/lib/select-value";
import { useZodForm, type FieldErrors } from "@/lib/zod-form";
import { useQuoteInvoiceRequest } from "../api/quote-invoice-request";
import { readDraft, saveConfirmState, saveDraft } from "../utils/apply-session";

interface ReturnState {
  createdTitleId?: string;
  createdAddressId?: string;
}

export function ApplyPage() {
  const { t, tm } = useI18n();
  const { data: me } = useMe();
  const navigate = useNavigate();
  const location = useLocation();
  const providerId = useParams().providerId ?? "";
  const amounts = useInvoiceableAmounts();
  const titles = useInvoiceTitles();
  const addresses = useMailingAddresses();
  const quote = useQuoteInvoiceRequest();
  const form = useZodForm(applyInvoiceInput, {
    providerId,
    amount: "",
    invoiceType: DEFAULT_INVOICE_TYPE,
    titleId: "",
    addressId: "",
    email: "",
  });
  const row = amounts.data?.find((a) => a.providerId === providerId);
  const initialised = useRef(false);
  const { setValues } = form;

  // Defaults once everything is loaded: the whole invoiceable amount, paper, default title and
  // address; a draft (left to add a title) or a just-created title/address wins over them.
  useEffect(() => {
    if (initialised.current || !row || !titles.data || !addresses.data) return;
    initialised.current = true;
    const back = (location.state ?? {}) as ReturnState;
    const draft = readDraft(providerId) ?? {};
    const types = row.invoiceTypes.length > 0 ? row.invoiceTypes : [DEFAULT_INVOICE_TYPE];
    const pick = <T extends { id: string; isDefault: boolean }>(items: T[], wanted?: string) =>
      items.find((i) => i.id === wanted)?.id ?? items.find((i) => i.isDefault)?.id ?? items[0]?.id ?? "";
    setValues({
      providerId,
      amount: draft.amount ?? row.invoiceable,
      invoiceType:
        draft.invoiceType && types.includes(draft.invoiceType)
          ? draft.invoiceType
          : types.includes(DEFAULT_INVOICE_TYPE)
            ? DEFAULT_INVOICE_TYPE
            : (types[0] ?? DEFAULT_INVOICE_TYPE),
      titleId: pick(titles.data, back.createdTitleId ?? draft.titleId),
      addressId: pick(addresses.data, back.createdAddressId ?? draft.addressId ?? undefined),
      // 收票邮箱 defaults to the signed-in admin's own address.
      email: draft.email ?? me?.email ?? "",
    });
  }, [row, titles.data, addresses.data, providerId, location.state, setValues, me?.email]);

  const loading = amounts.isPending || titles.isPending || addresses.isPending;
  const error = amounts.error ?? titles.error ?? addresses.error;
  const here = `${location.pathname}`;

  const keepDraft = () => saveDraft(providerId, form.values);

  const extraChecks = (body: ApplyInvoiceInput): FieldErrors => {
    const errors: FieldErrors = {};
    const max = parseAmount(row?.invoiceable ?? "0") ?? 0n;
    if ((parseAmount(body.amount) ?? 0n) > max) {
      errors.amount = t("apply.amountOver", { max: formatMoney(row?.invoiceable) });
    }
    const title = titles.data?.find((x) => x.id === body.titleId);
    if (title) {
      if (!titleTypeAllowed(title.type, body.invoiceType)) errors.titleId = "specialInvoice.individual";
      else {
        const missing = missingTitleFields(title, body.invoiceType);
        if (missing.length > 0) {
          errors.titleId = `specialInvoice.missing:${missing.map((f) => tm(`field.${f}`)).join("、")}`;
        }
      }
    }
    return errors;
  };

  const next = () => {
    // The field the type does not use is not sent (SPEC §12: it would be ignored anyway).
    const electronicType = kindOf(form.values.invoiceType) === "ELECTRONIC";
    const body = form.validate({
      extra: extraChecks,
      override: electronicType
        ? { ...form.values, addressId: undefined }
        : { ...form.values, email: undefined },
    });
    if (!body) return;
    saveDraft(providerId, body);
    quote.mutate(body, {
      onSuccess: (result) => {
        const state = { input: body, quote: result };
        saveConfirmState(state);
        navigate(paths.confirm, { state });
      },
      onError: (err) => form.applyServerError(err),
    });
  };

  if (loading) return <LoadingBlock />;
  if (error) return <ErrorBlock error={error} />;

  const back = (
    <Link to={paths.marketplace} className="t-button t-button--variant-outline t-button--theme-default">
      <span className="t-button__text">{t("common.back")}</span>
    </Link>
  );
  if (!row) {
    return (
      <Page title={t("apply.title")} actions={back}>
        <Alert theme="warning" message={t("apply.providerMissing")} />
      </Page>
    );
  }

  const blocked = (parseAmount(row.overInvoiced) ?? 0n) > 0n || (parseAmount(row.invoiceable) ?? 0n) === 0n;
  const types = row.invoiceTypes.length > 0 ? row.invoiceTypes : [DEFAULT_INVOICE_TYPE];
  const v = form.values;
  const amountFen = parseAmount(v.amount.trim());
  const electronic = kindOf(v.invoiceType) === "ELECTRONIC";
  const quoteFailed =
    quote.error && !(isApiError(quote.error, 400) && Object.keys(quote.error.fields).length > 0);

  return (
    <Page title={t("apply.title")} description={t("market.notes")} actions={back}>
      <Panel>
        {blocked ? <Alert theme="warning" className="mic-gap" message={t("apply.notApplicable")} /> : null}
        {quoteFailed ? (
          <div role="alert" className="mic-gap">
            <Alert theme="error" message={quote.error.message} />
          </div>
        ) : null}
        <Form labelWidth={130} labelAlign="right" onSubmit={next} colon={false} className="mic-form-narrow">
          <Form.FormItem label={t("apply.provider")}>
            <strong>{row.providerName}</strong>
          </Form.FormItem>
          <Form.FormItem label={t("apply.invoiceable")}>
            {/* FormItem injects value/onChange into custom components: keep Money inside a span. */}
            <span>
              <FormulaTooltip row={row} />
            </span>
          </Form.FormItem>
          <Field
            label={t("apply.amount")}
            error={form.errors.amount}
            required
            help={
              <>
                {t("apply.amountHelp")}{" "}
                {!electronic && amountFen !== null && amountFen > 0n
                  ? t("apply.postageHint", { payer: t(`shippingPayer.${shippingPayerFor(amountFen)}`) })
                  : null}
              </>
            }
          >
            <MoneyInput value={v.amount} onChange={(value) => form.setField("amount", value)} />
          </Field>
          <Field label={t("apply.invoiceType")} error={form.errors.invoiceType} group required>
            <Radio.Group
              value={v.invoiceType}
              onChange={(value) => form.setField("invoiceType", value)}
              options={types.map((type) => ({ value: type, label: t(`invoiceType.${type}`) }))}
            />
          </Field>
          <Field label={t("apply.titleSelect")} error={form.errors.titleId} required>
            <div className="mic-select-row">
              <Select
                value={v.titleId || undefined}
                placeholder={t("apply.titlePlaceholder")}
                onChange={(value) => form.setField("titleId", selectValue(value))}
                options={(titles.data ?? []).map((x) => ({
                  value: x.id,
                  label: `${x.name}（${t(`titleType.${x.type}`)}）${x.isDefault ? ` · ${t("common.default")}` : ""}`,
                }))}
                empty={t("apply.noTitles")}
                style={{ width: 360 }}
              />
              <Link
                to={`${paths.titles}?new=1&returnTo=${encodeURIComponent(here)}`}
                onClick={keepDraft}
                className="mic-inline-link"
              >
                {t("apply.addTitle")}
              </Link>
            </div>
          </Field>
          {electronic ? (
            <Field label={t("apply.email")} error={form.errors.email} required help={t("apply.emailHelp")}>
              <Input
                name="email"
                value={v.email ?? ""}
                maxlength={254}
                placeholder={t("login.emailPlaceholder")}
                onChange={(value) => form.setField("email", String(value))}
                style={{ width: 360 }}
              />
            </Field>
          ) : (
            <Field label={t("apply.addressSelect")} error={form.errors.addressId} required>
              <div className="mic-select-row">
                <Select
                  value={v.addressId || undefined}
                  placeholder={t("apply.addressPlaceholder")}
                  onChange={(value) => form.setField("addressId", selectValue(value))}
                  options={(addresses.data ?? []).map((a) => ({
                    value: a.id,
                    label: `${a.recipient} ${a.phone} · ${formatAddress(a)}`,
                  }))}
                  empty={t("apply.noAddresses")}
                  style={{ width: 360 }}
                />
                <Link
                  to={`${paths.addresses}?new=1&returnTo=${encodeURIComponent(here)}`}
                  onClick={keepDraft}
                  className="mic-inline-link"
                >
                  {t("apply.addAddress")}
                </Link>
              </div>
            </Field>
          )}
          <Form.FormItem>
            <Button tag="button" type="submit" theme="primary" loading={quote.isPending} disabled={blocked}>
              {t("apply.next")}
            </Button>
          </Form.FormItem>
        </Form>
      </Panel>
    </Page>
  );
}
