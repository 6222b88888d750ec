import { refundInput, type RefundInput } from "@mic/contracts";
import { formatAmount, parseAmount } from "@mic/domain";
import { useState } from "react";
import { Alert, Button, Form, Input, MessagePlugin, Select } from "tdesign-react";
import { useProviders } from "@/api/get-providers";
import { confirmAction } from "@/components/confirm";
import { Field } from "@/components/field";
import { PagedTable } from "@/components/paged-table";
import { Money, MoneyInput, formatMoney } from "@/components/money";
import { Page, Panel } from "@/components/page";
import { EmptyBlock, QueryState } from "@/components/query-state";
import { isApiError, newIdempotencyKey } from "@/lib/api-client";
import { formatDateTime } from "@/lib/format";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { nameOptions, selectValue } from "@/lib/select-value";
import { useZodForm } from "@/lib/zod-form";
import { useCreateRefund } from "../api/create-refund";
import { useRefunds, type LedgerEntry } from "../api/get-refunds";
import { useTenantAmounts } from "../api/get-tenant-amounts";
import { useTenants } from "../api/get-tenants";
import { RefundFigures, previewAmount, refundableFen } from "./refund-figures";

const EMPTY: RefundInput = { tenantId: "", providerId: "", amount: "", reference: "" };

/** 退款: record a refund (a new ledger row, never an edit) and see the refunds recorded so far. */
export function RefundsPage() {
  const { t, lang } = useI18n();
  const tenants = useTenants();
  const providers = useProviders();
  const create = useCreateRefund();
  const form = useZodForm(refundInput, EMPTY);
  const { tenantId, providerId } = form.values;
  const amounts = useTenantAmounts(tenantId);
  const figures = amounts.data?.find((a) => a.providerId === providerId);
  const refunds = useRefunds({ tenantId: tenantId || undefined, providerId: providerId || undefined });
  const amountValid = refundInput.shape.amount.safeParse(form.values.amount).success;
  const [recordedId, setRecordedId] = useState<string | null>(null);

  const submit = () => {
    const body = form.validate({
      extra: (parsed): Record<string, string> => {
        const max = figures ? refundableFen(figures) : null;
        const amount = parseAmount(parsed.amount) ?? 0n;
        return max !== null && amount > max ? { amount: `refund.overConsumed:${formatAmount(max)}` } : {};
      },
    });
    if (!body) return;
    const tenant = tenants.data?.find((x) => x.id === body.tenantId)?.name ?? "";
    const provider = providers.data?.find((p) => p.id === body.providerId)?.name ?? "";
    // One key per confirmation: a retried click records one refund.
    const idempotencyKey = newIdempotencyKey();
    confirmAction({
      header: t("support.refunds.confirmTitle"),
      body: t("support.refunds.confirmBody", { tenant, provider, amount: formatMoney(body.amount) }),
      confirmText: t("support.refunds.confirmSubmit"),
      cancelText: t("common.cancel"),
      onConfirm: () =>
        create.mutateAsync({ body, idempotencyKey }).then(
          (entry) => {
            void MessagePlugin.success(t("support.refunds.recorded"));
            setRecordedId(entry.id);
            form.setValues({ ...body, amount: "", reference: "" });
          },
          (error: unknown) => {
            // 400 goes next to the fields and 409 into the alert above the form: close the dialog.
            form.applyServerError(error);
          },
        ),
    });
  };

  const fieldErrorsShown = isApiError(create.error, 400) && Object.keys(create.error.fields).length > 0;

  return (
    <Page title={t("support.refunds.title")} description={t("support.refunds.desc")}>
      <Panel title={t("support.refunds.new")}>
        {create.error && !fieldErrorsShown ? (
          <div role="alert" className="mic-gap">
            <Alert theme="error" message={create.error.message} />
          </div>
        ) : null}
        <Form labelWidth={130} labelAlign="right" onSubmit={submit} colon={false} className="mic-form-narrow">
          <Field label={t("support.refunds.tenant")} error={form.errors.tenantId} required>
            <Select
              value={tenantId || undefined}
              placeholder={t("support.refunds.tenantPlaceholder")}
              loading={tenants.isPending}
              filterable
              onChange={(v) => form.setField("tenantId", selectValue(v))}
              options={nameOptions(tenants.data)}
              style={{ width: 360 }}
            />
          </Field>
          <Field label={t("support.refunds.provider")} error={form.errors.providerId} required>
            <Select
              value={providerId || undefined}
              placeholder={t("support.refunds.providerPlaceholder")}
              loading={providers.isPending}
              onChange={(v) => form.setField("providerId", selectValue(v))}
              options={nameOptions(providers.data)}
              style={{ width: 360 }}
            />
          </Field>
          <Field label={t("support.refunds.amount")} error={form.errors.amount} required>
            <MoneyInput value={form.values.amount} onChange={(value) => form.setField("amount", value)} />
          </Field>
          <Field
            label={t("support.refunds.reference")}
            error={form.errors.reference}
            help={t("support.refunds.referenceHelp")}
            required
          >
            <Input
              name="reference"
              value={form.values.reference}
              maxlength={100}
              allowInputOverMax
              showLimitNumber
              onChange={(v) => form.setField("reference", String(v))}
              style={{ width: 360 }}
            />
          </Field>
          <Form.FormItem>
            <Button type="submit" theme="primary" loading={create.isPending}>
              {t("support.refunds.submit")}
            </Button>
          </Form.FormItem>
        </Form>
      </Panel>
      <Panel title={t("support.refunds.figuresTitle")}>
        {!tenantId || !providerId ? (
          <p className="mic-muted">{t("support.refunds.figuresHint")}</p>
        ) : (
          <QueryState query={amounts}>
            {() =>
              figures ? (
                <RefundFigures
                  figures={figures}
                  amount={previewAmount(form.values.amount, figures, amountValid && !form.errors.amount)}
                />
              ) : (
                <EmptyBlock>{t("support.refunds.noFigures")}</EmptyBlock>
              )
            }
          </QueryState>
        )}
      </Panel>
      <Panel title={tenantId ? t("support.refunds.listFiltered") : t("support.refunds.list")}>
        <PagedTable<LedgerEntry>
          query={refunds}
          empty={<EmptyBlock>{t("support.refunds.empty")}</EmptyBlock>}
          label={t("support.refunds.tableLabel")}
          rowClassName={({ row }) => (row.id === recordedId ? "mic-row-highlight" : "")}
          columns={[
            {
              colKey: "occurredAt",
              title: t("support.refunds.occurredAt"),
              cell: ({ row }) => formatDateTime(row.occurredAt, lang),
            },
            { colKey: "tenantName", title: t("support.tenant") },
            { colKey: "providerName", title: t("support.provider") },
            {
              colKey: "amount",
              title: t("support.refunds.amountColumn"),
              align: "right",
              cell: ({ row }) => <Money value={row.amount} />,
            },
            { colKey: "reference", title: t("support.refunds.reference") },
          ]}
        />
      </Panel>
    </Page>
  );
}
