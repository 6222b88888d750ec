import { useEffect, useRef } from "react";
import { BaseTable, type BaseTableProps } from "tdesign-react";
import "./data-table.css";

/** Widths of the columns every list shares, so a date, an amount or a status tag fits on one line. */
const WIDTHS: Record<string, number> = {
  createdAt: 150,
  dueDate: 150,
  amount: 130,
  status: 110,
  requestStatus: 110,
  actions: 170,
};

type DataTableProps<T extends Record<string, unknown>> = BaseTableProps<T> & { label: string };

/**
 * TDesign's BaseTable with an accessible name on the real <table> (it does not forward aria props).
 * BaseTable, not Table (PrimaryTable): the console's tables only show rows, and PrimaryTable's
 * sorting, filters, selection and drag-sort (sortablejs) would weigh ~25 kB gzip on every list page.
 *
 * Fixed layout: columns that set a width keep it, the others share what is left, and no cell
 * wraps (numbers, ids, names, phones stay on one line). Text that does not fit ends in an ellipsis
 * with the whole text in a tooltip; the action column stays on one line.
 */
export function DataTable<T extends Record<string, unknown>>({
  label,
  columns,
  ...props
}: DataTableProps<T>) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelectorAll("table").forEach((table) => table.setAttribute("aria-label", label));
  });
  return (
    <div ref={ref} className="mic-table">
      <BaseTable<T>
        tableLayout="fixed"
        {...props}
        columns={columns?.map((column) => {
          const width = column.colKey ? WIDTHS[column.colKey] : undefined;
          const sized = width && column.width === undefined ? { ...column, width } : column;
          return column.colKey === "actions" ? sized : { ellipsis: true, ellipsisTitle: true, ...sized };
        })}
      />
    </div>
  );
}
