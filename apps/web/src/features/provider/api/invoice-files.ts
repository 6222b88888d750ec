import type { InvoiceFile } from "@mic/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { queryKeys } from "@/api/query-keys";
import { ApiError, api, type ApiErrorBody } from "@/lib/api-client";
import { getLang } from "@/lib/i18n/lang-store";

const filesPath = (requestId: string) => `/api/invoice-requests/${encodeURIComponent(requestId)}/files`;

/** The most a file may weigh (SPEC §12); the API refuses more, the picker says so first. */
export const MAX_FILE_MIB = 5;

/**
 * One file as `multipart/form-data` with the one field `file` (SPEC §12). Not through `api`: that
 * client sends JSON; the API accepts this route's multipart body from the same origin.
 */
export async function uploadInvoiceFile(requestId: string, file: File): Promise<InvoiceFile> {
  const form = new FormData();
  form.append("file", file, file.name);
  const response = await fetch(filesPath(requestId), {
    method: "POST",
    body: form,
    credentials: "same-origin",
    headers: { accept: "application/json", "accept-language": getLang() },
  });
  const text = await response.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!response.ok) {
    const error =
      typeof data === "object" && data !== null && "error" in data ? (data.error as ApiErrorBody) : undefined;
    throw new ApiError(
      response.status,
      error ?? { code: `HTTP_${response.status}`, message: response.statusText },
    );
  }
  return data as InvoiceFile;
}

/** Removes a file attached while the request is still PROCESSING. */
export const deleteInvoiceFile = ({ requestId, fileId }: { requestId: string; fileId: string }) =>
  api.delete<void>(`${filesPath(requestId)}/${encodeURIComponent(fileId)}`);

export function useDeleteInvoiceFile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteInvoiceFile,
    onSuccess: (_, { requestId }) =>
      queryClient.invalidateQueries({ queryKey: queryKeys.invoiceRequests.detail(requestId) }),
  });
}
