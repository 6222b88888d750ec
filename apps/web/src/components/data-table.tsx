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

/**
 * Any other column: a floor, so a name never shrinks to a few letters. Wider than the card (10
 * columns at 1280 px), the table scrolls inside the card with its action column kept in view.
 */
const MIN_WIDTH = 120;

type DataTableProps<T extends Record<string, unknown>> = BaseTableProps<T> & { label: string };

/**
 * TDesign's BaseTable with an accessible name on the real <table> (it does not forward aria props).
 * BaseTable, not Table (PrimaryTable): the console's tables only show rows, and PrimaryTable's
 * sorting, filters, selection and drag-sort (sortablejs) would weigh ~25 kB gzip on every list page.
 *
 * Fixed layout: every column has a width (its own, a shared one, or MIN_WIDTH) and extra room is
 * shared out in proportion; no cell
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
          const width = (column.colKey ? WIDTHS[column.colKey] : undefined) ?? MIN_WIDTH;
          const sized = width && column.width === undefined ? { ...column, width } : column;
          return column.colKey === "actions"
            ? { fixed: "right" as const, ...sized }
            : { ellipsis: true, ellipsisTitle: true, ...sized };
        })}
      />
    </div>
  );
}
