import { calendarDayInput, CALENDAR_DAY_KINDS } from "@mic/contracts";
import { isIsoDate } from "@mic/domain";
import { useState } from "react";
import { Alert, Button, DatePicker, Form, Input, MessagePlugin, Radio, Select, Tag } from "tdesign-react";
import type { z } from "zod";
import { confirmAction } from "@/components/confirm";
import { DataTable } from "@/components/data-table";
import { Field } from "@/components/field";
import { Page, Panel } from "@/components/page";
import { EmptyBlock, QueryState } from "@/components/query-state";
import { isApiError } from "@/lib/api-client";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { useZodForm } from "@/lib/zod-form";
import { useCreateCalendarDay } from "../api/create-calendar-day";
import { useDeleteCalendarDay } from "../api/delete-calendar-day";
import { calendarDayWarning } from "../utils/calendar-day-warning";
import { useCalendarDays, type CalendarDay } from "../api/get-calendar-days";

type DayInput = z.input<typeof calendarDayInput>;
const EMPTY: DayInput = { date: "", kind: "HOLIDAY", name: "" };

/** 节假日日历: holidays and make-up workdays (调休) that due dates are counted on (SPEC §5). */
export function CalendarPage() {
  const { t } = useI18n();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const days = useCalendarDays(year);
  const create = useCreateCalendarDay();
  const remove = useDeleteCalendarDay();
  const form = useZodForm(calendarDayInput, EMPTY);
  const years = [thisYear - 1, thisYear, thisYear + 1, thisYear + 2];

  const submit = () => {
    const body = form.validate();
    if (!body) return;
    create.mutate(body, {
      onSuccess: (day) => {
        void MessagePlugin.success(t("support.calendar.added", { date: day.date }));
        form.reset({ ...EMPTY, kind: body.kind });
        const dayYear = Number(day.date.slice(0, 4));
        if (dayYear !== year && years.includes(dayYear)) setYear(dayYear);
      },
      onError: (error) => form.applyServerError(error),
    });
  };

  const askDelete = (day: CalendarDay) =>
    confirmAction({
      header: t("support.calendar.deleteTitle"),
      body: t("support.calendar.deleteConfirm", { date: day.date, name: day.name }),
      confirmText: t("support.calendar.deleteSubmit"),
      cancelText: t("common.cancel"),
      danger: true,
      onConfirm: async () => {
        await remove.mutateAsync(day.date);
        void MessagePlugin.success(t("support.calendar.deleted", { date: day.date }));
      },
    });

  const warning = calendarDayWarning(form.values.date, form.values.kind);
  const fieldErrorsShown = isApiError(create.error) && Object.keys(create.error.fields).length > 0;

  return (
    <Page title={t("support.calendar.title")} description={t("support.calendar.desc")}>
      <Alert
        theme="info"
        className="mic-gap"
        title={t("support.calendar.hintTitle")}
        message={t("support.calendar.hint")}
      />
      <Panel title={t("support.calendar.new")}>
        {create.error && !fieldErrorsShown ? (
          <div role="alert" className="mic-gap">
            <Alert theme="error" message={create.error.message} />
          </div>
        ) : null}
        <Form layout="inline" labelAlign="top" className="mic-toolbar" colon={false} onSubmit={submit}>
          <Field label={t("support.calendar.date")} error={form.errors.date} required>
            <DatePicker
              value={form.values.date}
              valueType="YYYY-MM-DD"
              allowInput
              onChange={(v) => form.setField("date", v ? String(v) : "")}
              // A typed date counts on leaving the field too, not only on Enter.
              onBlur={({ e }) => {
                const typed = e.target.value.trim();
                if (isIsoDate(typed) && typed !== form.values.date) form.setField("date", typed);
              }}
              style={{ width: 170 }}
            />
          </Field>
          <Field label={t("support.calendar.kind")} error={form.errors.kind} required group>
            <Radio.Group
              value={form.values.kind}
              onChange={(v) => form.setField("kind", v === "WORKDAY" ? "WORKDAY" : "HOLIDAY")}
            >
              {CALENDAR_DAY_KINDS.map((k) => (
                <Radio key={k} value={k}>
                  {t(`support.calendar.kind.${k}`)}
                </Radio>
              ))}
            </Radio.Group>
          </Field>
          <Field label={t("support.calendar.name")} error={form.errors.name} required>
            <Input
              name="name"
              value={form.values.name}
              maxlength={50}
              allowInputOverMax
              showLimitNumber
              placeholder={t("support.calendar.namePlaceholder")}
              onChange={(v) => form.setField("name", String(v))}
              style={{ width: 220 }}
            />
          </Field>
          <Button type="submit" theme="primary" loading={create.isPending}>
            {t("support.calendar.add")}
          </Button>
        </Form>
        {warning ? (
          <div role="status">
            <Alert theme="warning" message={t(`support.calendar.warn.${warning}`)} />
          </div>
        ) : null}
      </Panel>
      <Panel
        title={t("support.calendar.listTitle", { year })}
        extra={
          <Form layout="inline" labelAlign="left" colon={false}>
            <Field label={t("support.calendar.year")}>
              <Select
                value={year}
                onChange={(v) => setYear(Number(v))}
                options={years.map((y) => ({ value: y, label: String(y) }))}
                style={{ width: 110 }}
              />
            </Field>
          </Form>
        }
      >
        <QueryState query={days} empty={<EmptyBlock>{t("support.calendar.empty", { year })}</EmptyBlock>}>
          {() => (
            <DataTable<CalendarDay>
              label={t("support.calendar.tableLabel", { year })}
              rowKey="date"
              data={days.data}
              columns={[
                { colKey: "date", title: t("support.calendar.date") },
                {
                  colKey: "kind",
                  title: t("support.calendar.kind"),
                  cell: ({ row }) => (
                    <Tag theme={row.kind === "HOLIDAY" ? "danger" : "primary"} variant="light">
                      {t(`support.calendar.kind.${row.kind}`)}
                    </Tag>
                  ),
                },
                { colKey: "name", title: t("support.calendar.name") },
                {
                  colKey: "actions",
                  title: t("common.actions"),
                  cell: ({ row }) => (
                    <Button
                      variant="text"
                      theme="danger"
                      size="small"
                      aria-label={t("support.calendar.deleteLabel", { date: row.date })}
                      onClick={() => askDelete(row)}
                    >
                      {t("common.delete")}
                    </Button>
                  ),
                },
              ]}
            />
          )}
        </QueryState>
      </Panel>
    </Page>
  );
}
