import type { ReactNode } from "react";
import "./page.css";

interface PageProps {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}

/** The console's page frame: one h1, an optional description and the page's own actions. */
export function Page({ title, description, actions, children }: PageProps) {
  return (
    <div className="mic-page">
      <div className="mic-page-header">
        <div>
          <h1 className="mic-page-title">{title}</h1>
          {description ? <p className="mic-page-desc">{description}</p> : null}
        </div>
        {actions ? <div className="mic-page-actions">{actions}</div> : null}
      </div>
      {children}
    </div>
  );
}

export function Panel({
  title,
  extra,
  children,
}: {
  title?: ReactNode;
  extra?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section className="mic-panel">
      {title || extra ? (
        <div className="mic-panel-header">
          {title ? <h2 className="mic-panel-title">{title}</h2> : <span />}
          {extra}
        </div>
      ) : null}
      {children}
    </section>
  );
}
