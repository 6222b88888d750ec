import type { ApplyInvoiceInput, InvoiceQuote } from "@mic/contracts";
import { useMutation } from "@tanstack/react-query";
import { api } from "@/lib/api-client";

/** Runs every check of applying without creating anything; feeds the confirm page. */
export const quoteInvoiceRequest = (body: ApplyInvoiceInput) =>
  api.post<InvoiceQuote>("/api/invoice-requests/quote", body);

export const useQuoteInvoiceRequest = () => useMutation({ mutationFn: quoteInvoiceRequest });
