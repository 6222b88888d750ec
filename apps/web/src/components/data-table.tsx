import { useEffect, useRef } from "react";
import { BaseTable, type BaseTableProps } from "tdesign-react";
import "./data-table.css";

type DataTableProps<T extends Record<string, unknown>> = BaseTableProps<T> & { label: string };

/**
 * TDesign's BaseTable with an accessible name on the real <table> (it does not forward aria props).
 * BaseTable, not Table (PrimaryTable): the console's tables only show rows, and PrimaryTable's
 * sorting, filters, selection and drag-sort (sortablejs) would weigh ~25 kB gzip on every list page.
 */
export function DataTable<T extends Record<string, unknown>>({ label, ...props }: DataTableProps<T>) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelectorAll("table").forEach((table) => table.setAttribute("aria-label", label));
  });
  return (
    <div ref={ref} className="mic-table">
      <BaseTable<T> {...props} />
    </div>
  );
}
