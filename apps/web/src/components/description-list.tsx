import type { ReactNode } from "react";
import "./description-list.css";

export type DescriptionItem = [label: string, value: ReactNode];

/** A label/value grid (<dl>), readable by screen readers as term/definition pairs. */
export function DescriptionList({ items }: { items: DescriptionItem[] }) {
  return (
    <dl className="mic-desc-grid">
      {items.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value === null || value === undefined || value === "" ? "—" : value}</dd>
        </div>
      ))}
    </dl>
  );
}
