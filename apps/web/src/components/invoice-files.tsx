import type { InvoiceFile } from "@mic/contracts";
import { DownloadIcon } from "tdesign-icons-react";
import type { ReactNode } from "react";
import { useI18n } from "@/lib/i18n/i18n-provider";
import "./invoice-files.css";

/** The download link of an attached file: the tenant's admin, the provider's staff and support (§12). */
export const invoiceFileUrl = (requestId: string, fileId: string) =>
  `/api/invoice-requests/${encodeURIComponent(requestId)}/files/${encodeURIComponent(fileId)}`;

const KIB = 1024;
export function formatSize(bytes: number): string {
  if (bytes < KIB) return `${bytes} B`;
  if (bytes < KIB * KIB) return `${(bytes / KIB).toFixed(1)} KB`;
  return `${(bytes / KIB / KIB).toFixed(2)} MB`;
}

/** PDF, OFD or XML, from the content type the API recognised by content. */
function kindOf(file: InvoiceFile): string {
  const type = file.contentType.toLowerCase();
  if (type.includes("pdf")) return "PDF";
  if (type.includes("ofd")) return "OFD";
  if (type.includes("xml")) return "XML";
  return file.contentType;
}

/** The files of an e-invoice, each a download link; `action` adds a button per file (remove). */
export function InvoiceFiles({
  requestId,
  files,
  action,
}: {
  requestId: string;
  files: InvoiceFile[];
  action?: (file: InvoiceFile) => ReactNode;
}) {
  const { t } = useI18n();
  if (files.length === 0) return <p className="mic-muted">{t("files.none")}</p>;
  return (
    <ul className="mic-file-list" aria-label={t("files.listLabel")}>
      {files.map((file) => (
        <li key={file.id} className="mic-file-item">
          <a
            href={invoiceFileUrl(requestId, file.id)}
            download={file.name}
            className="mic-inline-link"
            aria-label={t("files.download", { name: file.name })}
          >
            <DownloadIcon aria-hidden="true" /> {file.name}
          </a>
          <span className="mic-muted mic-small">
            {kindOf(file)} · {formatSize(file.size)}
          </span>
          <span className="mic-muted mic-small mic-mono" title={file.sha256}>
            SHA-256 {file.sha256.slice(0, 12)}…
          </span>
          {action ? action(file) : null}
        </li>
      ))}
    </ul>
  );
}
