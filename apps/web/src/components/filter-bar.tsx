import type { ReactNode } from "react";
import { Button, DatePicker, Form, Space } from "tdesign-react";
import { isIsoDate } from "@mic/domain";
import { DATE_PRESETS, presetRange } from "@/lib/date-presets";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { EmptyBlock } from "./query-state";
import { Field } from "./field";
import "./filter-bar.css";

interface FilterBarProps {
  children: ReactNode;
  /** Clears every filter (重置). */
  onReset: () => void;
  /** Typed filters applied on 查询 instead of on every keystroke. */
  onSubmit?: () => void;
  /** Extra buttons after 查询/重置 (刷新). */
  actions?: ReactNode;
}

/** The one filter bar above every list: the fields, then 查询 (when typed filters wait for it) and 重置. */
export function FilterBar({ children, onReset, onSubmit, actions }: FilterBarProps) {
  const { t } = useI18n();
  return (
    <Form
      layout="inline"
      labelAlign="top"
      className="mic-toolbar"
      colon={false}
      onSubmit={onSubmit ? () => onSubmit() : undefined}
    >
      {children}
      <Space size={8} className="mic-toolbar-actions">
        {onSubmit ? (
          <Button type="submit" theme="primary">
            {t("common.search")}
          </Button>
        ) : null}
        <Button variant="outline" onClick={onReset}>
          {t("common.reset")}
        </Button>
        {actions}
      </Space>
    </Form>
  );
}

interface DateRangeFilterProps {
  from: string | undefined;
  to: string | undefined;
  errors: { from?: string | undefined; to?: string | undefined };
  onChange: (range: { from: string | undefined; to: string | undefined }) => void;
}

/** 开始日期 / 结束日期, typed or picked, and the presets 近 7 天, 本月, 上月. */
export function DateRangeFilter({ from, to, errors, onChange }: DateRangeFilterProps) {
  const { t } = useI18n();
  const picker = (value: string | undefined, set: (v: string | undefined) => void) => (
    <DatePicker
      value={value ?? ""}
      valueType="YYYY-MM-DD"
      format="YYYY-MM-DD"
      allowInput
      clearable
      placeholder="YYYY-MM-DD"
      onChange={(v) => set(v ? String(v) : undefined)}
      // A typed date counts on leaving the field too, not only on Enter.
      onBlur={({ e }) => {
        const typed = e.target.value.trim();
        if (isIsoDate(typed) && typed !== value) set(typed);
      }}
      style={{ width: 150 }}
    />
  );
  return (
    <>
      <Field label={t("filters.from")} error={errors.from}>
        {picker(from, (v) => onChange({ from: v, to }))}
      </Field>
      <Field label={t("filters.to")} error={errors.to}>
        {picker(to, (v) => onChange({ from, to: v }))}
      </Field>
      <Space size={4} className="mic-date-presets" aria-label={t("filters.presets")}>
        {DATE_PRESETS.map((preset) => (
          <Button
            key={preset}
            variant="text"
            theme="primary"
            size="small"
            onClick={() => onChange(presetRange(preset, new Date()))}
          >
            {t(`filters.preset.${preset}`)}
          </Button>
        ))}
      </Space>
    </>
  );
}

/** An empty list: with filters set it says so and offers 清空筛选. */
export function FilteredEmpty({
  filtered,
  onClear,
  children,
}: {
  filtered: boolean;
  onClear: () => void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <EmptyBlock
      action={
        filtered ? (
          <Button variant="outline" onClick={onClear}>
            {t("filters.clear")}
          </Button>
        ) : undefined
      }
    >
      {filtered ? t("filters.emptyFiltered") : children}
    </EmptyBlock>
  );
}
