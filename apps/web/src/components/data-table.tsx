import { useEffect, useRef } from "react";
import { Table, type TableProps } from "tdesign-react";

type DataTableProps<T extends Record<string, unknown>> = TableProps<T> & { label: string };

/** TDesign's Table with an accessible name on the real <table> (it does not forward aria props). */
export function DataTable<T extends Record<string, unknown>>({ label, ...props }: DataTableProps<T>) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelectorAll("table").forEach((table) => table.setAttribute("aria-label", label));
  });
  return (
    <div ref={ref} className="mic-table">
      <Table<T> {...props} />
    </div>
  );
}
