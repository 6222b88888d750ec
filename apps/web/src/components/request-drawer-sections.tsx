import type { InvoiceRequest } from "@mic/contracts";
import { kindOf } from "@mic/domain";
import type { ReactNode } from "react";
import { DescriptionList, type DescriptionItem } from "@/components/description-list";
import { DrawerSection } from "@/components/detail-drawer";
import { DueDate } from "@/components/due-date";
import { InvoiceFiles } from "@/components/invoice-files";
import { Money } from "@/components/money";
import { RequestNumber } from "@/components/request-number";
import { AddressSnapshot, TitleSnapshot } from "@/components/request-snapshots";
import { useIssueItems } from "@/components/shipment";
import { StatusTag } from "@/components/status-tag";
import { formatDateTime } from "@/lib/format";
import { useI18n } from "@/lib/i18n/i18n-provider";

interface FactsOptions {
  statusLabel: string;
  /** Who pays postage, as the drawer shows it (a paper invoice only; an e-invoice shows its e-mail). */
  postage: ReactNode;
  /** Rows only one drawer shows: after the tenant (the provider), after the postage (the void time). */
  afterTenant?: DescriptionItem[];
  afterPostage?: DescriptionItem[];
}

/** The request's facts as the read-only request drawers (provider queue, support desk) list them. */
export function useRequestFacts() {
  const { t, lang } = useI18n();
  return (r: InvoiceRequest, options: FactsOptions): DescriptionItem[] => [
    [t("support.request.id"), <RequestNumber key="n" number={r.number} />],
    [t("support.tenant"), r.tenantName],
    ...(options.afterTenant ?? []),
    [t("support.amount"), <Money key="m" value={r.amount} strong />],
    [t("support.invoiceType"), t(`invoiceType.${r.invoiceType}`)],
    [options.statusLabel, <StatusTag key="s" status={r.status} />],
    [t("support.createdAt"), formatDateTime(r.createdAt, lang)],
    [t("support.dueDate"), <DueDate key="d" request={r} />],
    kindOf(r.invoiceType) === "ELECTRONIC"
      ? [t("issue.email"), r.email]
      : [t("support.shippingPayer"), options.postage],
    ...(options.afterPostage ?? []),
    ...(r.rejectReason ? [[t("detail.rejectReason"), r.rejectReason] satisfies DescriptionItem] : []),
  ];
}

/** An e-invoice's number, issue date and files. */
export function EInvoiceSection({ request: r }: { request: InvoiceRequest }) {
  const { t } = useI18n();
  const issueItems = useIssueItems();
  return (
    <>
      <DrawerSection title={t("detail.einvoice")} />
      <DescriptionList items={issueItems(r)} />
      <InvoiceFiles requestId={r.id} files={r.files} />
    </>
  );
}

/** What the request was submitted with: the invoice title, then the mailing address (paper only). */
export function SnapshotSections({
  request: r,
  titleHeading,
  addressHeading,
}: {
  request: InvoiceRequest;
  titleHeading: string;
  addressHeading: string;
}) {
  return (
    <>
      <DrawerSection title={titleHeading} />
      <TitleSnapshot title={r.title} />
      {r.address ? (
        <>
          <DrawerSection title={addressHeading} />
          <AddressSnapshot address={r.address} />
        </>
      ) : null}
    </>
  );
}
