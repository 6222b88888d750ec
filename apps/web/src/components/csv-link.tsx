import { DownloadIcon } from "tdesign-icons-react";

/** A plain download link styled as a button: the browser sends the session cookie itself. */
export function CsvLink({ href, children }: { href: string; children: string }) {
  return (
    <a className="t-button t-button--variant-outline t-button--theme-default" href={href} download>
      <DownloadIcon aria-hidden="true" />
      <span className="t-button__text">{children}</span>
    </a>
  );
}
