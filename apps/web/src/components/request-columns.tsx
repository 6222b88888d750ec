import type { InvoiceRequest, Lang } from "@mic/contracts";
import { isInvoiceStatus } from "@mic/domain";
import type { BaseTableCol } from "tdesign-react";
import { DueDate } from "@/components/due-date";
import { Money } from "@/components/money";
import { RequestNumber } from "@/components/request-number";
import { StatusTag } from "@/components/status-tag";
import { formatDateTime } from "@/lib/format";
import type { MessageKey } from "@/lib/i18n/i18n-provider";

/**
 * The columns every list of invoice requests (or of rows about one: tickets, returns) shows the same
 * way. Each page still names its own column (`title`), so the words stay the page's.
 */
type Row = Record<string, unknown>;
type Translate = (key: MessageKey) => string;

export const createdAtColumn = <T extends Row & { createdAt: string }>(
  title: string,
  lang: Lang,
): BaseTableCol<T> => ({
  colKey: "createdAt",
  title,
  cell: ({ row }) => formatDateTime(row.createdAt, lang),
});

/** 申请编号 with its copy button; `link` makes it a link (`to`) or opens a drawer (`onOpen`). */
export const requestNumberColumn = <T extends Row>(
  colKey: "number" | "requestNumber",
  title: string,
  link: (row: T) => { number: string; to?: string; onOpen?: () => void },
): BaseTableCol<T> => ({
  colKey,
  title,
  width: 180,
  ellipsis: false,
  cell: ({ row }) => <RequestNumber {...link(row)} />,
});

export const amountColumn = <T extends Row & { amount: string }>(title: string): BaseTableCol<T> => ({
  colKey: "amount",
  title,
  align: "right",
  cell: ({ row }) => <Money value={row.amount} />,
});

export const invoiceTypeColumn = <T extends Row & Pick<InvoiceRequest, "invoiceType">>(
  title: string,
  t: Translate,
): BaseTableCol<T> => ({
  colKey: "invoiceType",
  title,
  cell: ({ row }) => t(`invoiceType.${row.invoiceType}`),
});

export const titleNameColumn = <T extends Row & Pick<InvoiceRequest, "title">>(
  title: string,
): BaseTableCol<T> => ({
  colKey: "title",
  title,
  cell: ({ row }) => row.title.name,
});

export const statusColumn = <T extends Row & Pick<InvoiceRequest, "status">>(
  title: string,
): BaseTableCol<T> => ({
  colKey: "status",
  title,
  cell: ({ row }) => <StatusTag status={row.status} />,
});

/** A ticket's or return's request status: a tag when it is one the console knows, else the raw value. */
export const requestStatusColumn = <T extends Row & { requestStatus: string }>(
  title: string,
): BaseTableCol<T> => ({
  colKey: "requestStatus",
  title,
  cell: ({ row }) =>
    isInvoiceStatus(row.requestStatus) ? <StatusTag status={row.requestStatus} /> : row.requestStatus,
});

export const dueDateColumn = <T extends Row & InvoiceRequest>(title: string): BaseTableCol<T> => ({
  colKey: "dueDate",
  title,
  cell: ({ row }) => <DueDate request={row} />,
});
