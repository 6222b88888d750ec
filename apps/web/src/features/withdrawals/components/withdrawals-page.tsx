import { withdrawalInput, type InvoiceableAmount } from "@mic/contracts";
import { parseAmount } from "@mic/domain";
import { Alert, Button, Form, MessagePlugin, Select } from "tdesign-react";
import { useInvoiceableAmounts } from "@/api/get-invoiceable-amounts";
import { confirmAction } from "@/components/confirm";
import { DataTable } from "@/components/data-table";
import { Field } from "@/components/field";
import { Money, MoneyInput, formatMoney } from "@/components/money";
import { Page, Panel } from "@/components/page";
import { EmptyBlock, QueryState } from "@/components/query-state";
import { isApiError } from "@/lib/api-client";
import { formatDateTime } from "@/lib/format";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { selectValue } from "@/lib/select-value";
import { useZodForm } from "@/lib/zod-form";
import { useCreateWithdrawal } from "../api/create-withdrawal";
import { useWithdrawals, type Withdrawal } from "../api/get-withdrawals";

const positive = (v: string) => (parseAmount(v) ?? 0n) > 0n;

export function WithdrawalsPage() {
  const { t, lang } = useI18n();
  const withdrawals = useWithdrawals();
  const amounts = useInvoiceableAmounts();
  const create = useCreateWithdrawal();
  const form = useZodForm(withdrawalInput, { providerId: "", amount: "" });
  const selected = amounts.data?.find((a) => a.providerId === form.values.providerId);

  const submit = () => {
    const body = form.validate();
    if (!body) return;
    const provider = selected?.providerName ?? "";
    confirmAction({
      header: t("withdrawals.confirmTitle"),
      body: t("withdrawals.confirmBody", { provider, amount: formatMoney(body.amount) }),
      confirmText: t("withdrawals.submit"),
      cancelText: t("common.cancel"),
      onConfirm: () =>
        create.mutateAsync(body).then(
          () => {
            void MessagePlugin.success(t("withdrawals.success"));
            form.reset({ providerId: "", amount: "" });
          },
          (error: unknown) => {
            // 400 goes next to the fields and 409 into the explanation below: close the dialog.
            form.applyServerError(error);
          },
        ),
    });
  };

  const conflict = isApiError(create.error, 409) ? create.error : null;
  const otherError =
    create.error &&
    !conflict &&
    !(isApiError(create.error, 400) && Object.keys(create.error.fields).length > 0)
      ? create.error
      : null;
  const conflictRow = conflict
    ? amounts.data?.find((a) => a.providerId === create.variables?.providerId)
    : undefined;

  return (
    <Page title={t("withdrawals.title")} description={t("withdrawals.desc")}>
      <Panel title={t("withdrawals.new")}>
        {conflict ? (
          <div role="alert" className="mic-gap">
            <Alert
              theme="error"
              title={t("withdrawals.conflictTitle")}
              message={
                <>
                  <div>{conflict.message}</div>
                  {conflictRow && positive(conflictRow.overInvoiced) ? (
                    <div>
                      {t("withdrawals.overInvoicedExplain", {
                        amount: formatMoney(conflictRow.overInvoiced),
                      })}
                    </div>
                  ) : null}
                </>
              }
            />
          </div>
        ) : null}
        {otherError ? (
          <div role="alert" className="mic-gap">
            <Alert theme="error" message={otherError.message} />
          </div>
        ) : null}
        <Form labelWidth={130} labelAlign="right" onSubmit={submit} colon={false} className="mic-form-narrow">
          <Field label={t("withdrawals.provider")} error={form.errors.providerId} required>
            <Select
              value={form.values.providerId || undefined}
              placeholder={t("withdrawals.providerPlaceholder")}
              loading={amounts.isPending}
              onChange={(v) => form.setField("providerId", selectValue(v))}
              options={(amounts.data ?? []).map((a) => ({
                value: a.providerId,
                label: `${a.providerName}（${t("withdrawals.withdrawable")} ${formatMoney(a.withdrawable)}）`,
              }))}
              style={{ width: 360 }}
            />
          </Field>
          {selected && positive(selected.overInvoiced) ? (
            <Alert
              theme="warning"
              className="mic-gap"
              message={t("withdrawals.overInvoicedExplain", { amount: formatMoney(selected.overInvoiced) })}
            />
          ) : null}
          <Field label={t("withdrawals.amount")} error={form.errors.amount} required>
            <MoneyInput value={form.values.amount} onChange={(value) => form.setField("amount", value)} />
          </Field>
          <Form.FormItem>
            <Button type="submit" theme="primary" loading={create.isPending}>
              {t("withdrawals.submit")}
            </Button>
          </Form.FormItem>
        </Form>
      </Panel>
      <Panel title={t("withdrawals.balanceLabel")}>
        <QueryState query={amounts}>
          {() => (
            <DataTable<InvoiceableAmount>
              label={t("withdrawals.balanceLabel")}
              rowKey="providerId"
              data={amounts.data}
              columns={[
                { colKey: "providerName", title: t("withdrawals.provider") },
                {
                  colKey: "refunded",
                  title: t("market.refunded"),
                  align: "right",
                  cell: ({ row }) => <Money value={row.refunded} />,
                },
                {
                  colKey: "withdrawn",
                  title: t("withdrawals.withdrawn"),
                  align: "right",
                  cell: ({ row }) => <Money value={row.withdrawn} />,
                },
                {
                  colKey: "overInvoiced",
                  title: t("market.overInvoiced"),
                  align: "right",
                  cell: ({ row }) => (
                    <span className={positive(row.overInvoiced) ? "mic-danger" : undefined}>
                      <Money value={row.overInvoiced} />
                    </span>
                  ),
                },
                {
                  colKey: "withdrawable",
                  title: t("withdrawals.withdrawable"),
                  align: "right",
                  cell: ({ row }) => <Money value={row.withdrawable} strong />,
                },
              ]}
            />
          )}
        </QueryState>
      </Panel>
      <Panel title={t("withdrawals.tableLabel")}>
        <QueryState query={withdrawals} empty={<EmptyBlock>{t("withdrawals.empty")}</EmptyBlock>}>
          {() => (
            <DataTable<Withdrawal>
              label={t("withdrawals.tableLabel")}
              rowKey="id"
              data={withdrawals.data}
              columns={[
                {
                  colKey: "createdAt",
                  title: t("withdrawals.createdAt"),
                  cell: ({ row }) => formatDateTime(row.createdAt, lang),
                },
                { colKey: "providerName", title: t("withdrawals.provider") },
                {
                  colKey: "amount",
                  title: t("withdrawals.amount"),
                  align: "right",
                  cell: ({ row }) => <Money value={row.amount} />,
                },
              ]}
            />
          )}
        </QueryState>
      </Panel>
    </Page>
  );
}
