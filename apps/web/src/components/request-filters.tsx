import { INVOICE_STATUSES } from "@mic/domain";
import { Select } from "tdesign-react";
import { useProviders } from "@/api/get-providers";
import { Field } from "@/components/field";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { nameOptions, selectValue } from "@/lib/select-value";

interface FilterProps {
  label: string;
  /** The first option, "" (no filter). */
  allLabel: string;
  value: string | undefined;
  error?: string;
  width: number;
  onChange: (value: string) => void;
}

/** The invoice-request lists' 状态 filter: every request status, after "all". */
export function InvoiceStatusFilter({ label, allLabel, value, error, width, onChange }: FilterProps) {
  const { t } = useI18n();
  return (
    <Field label={label} error={error}>
      <Select
        value={value ?? ""}
        onChange={(v) => onChange(selectValue(v))}
        options={[
          { value: "", label: allLabel },
          ...INVOICE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
        ]}
        style={{ width }}
      />
    </Field>
  );
}

/** The invoice-request lists' 服务商 filter. */
export function ProviderFilter({ label, allLabel, value, error, width, onChange }: FilterProps) {
  const providers = useProviders();
  return (
    <Field label={label} error={error}>
      <Select
        value={value ?? ""}
        loading={providers.isPending}
        onChange={(v) => onChange(selectValue(v))}
        options={nameOptions(providers.data, allLabel)}
        style={{ width }}
      />
    </Field>
  );
}
