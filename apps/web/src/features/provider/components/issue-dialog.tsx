import { issueInput, type InvoiceRequest } from "@mic/contracts";
import { chinaDate } from "@mic/domain";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { UploadIcon } from "tdesign-icons-react";
import { Alert, Button, DatePicker, Dialog, Form, Input, MessagePlugin, Upload } from "tdesign-react";
import { queryKeys } from "@/api/query-keys";
import { useInvoiceRequest } from "@/api/get-invoice-request";
import { Field } from "@/components/field";
import { InvoiceFiles } from "@/components/invoice-files";
import { formatMoney } from "@/components/money";
import { ErrorBlock, LoadingBlock } from "@/components/query-state";
import { useDialogRole } from "@/components/use-dialog-role";
import { isApiError, newIdempotencyKey } from "@/lib/api-client";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { useZodForm } from "@/lib/zod-form";
import { MAX_FILE_MIB, uploadInvoiceFile, useDeleteInvoiceFile } from "../api/invoice-files";
import { useIssueInvoiceRequest } from "../api/issue-invoice-request";
import { DialogActions } from "@/components/dialog-actions";

const ACCEPT = ".pdf,.ofd,.xml,application/pdf,application/ofd,application/xml,text/xml";

/** 开具数电票: attach the PDF/OFD/XML files, then PROCESSING → ISSUED with the number and date. */
export function IssueDialog({ request, onClose }: { request: InvoiceRequest | null; onClose: () => void }) {
  const { t } = useI18n();
  useDialogRole(request !== null, ".mic-issue-dialog", t("issue.title"));
  return (
    <Dialog
      visible={request !== null}
      header={t("issue.title")}
      onClose={onClose}
      footer={false}
      width={640}
      destroyOnClose
      closeOnOverlayClick={false}
      dialogClassName="mic-issue-dialog"
    >
      {request ? <IssueBody key={request.id} requestId={request.id} onClose={onClose} /> : null}
    </Dialog>
  );
}

function IssueBody({ requestId, onClose }: { requestId: string; onClose: () => void }) {
  // The files change while the dialog is open: read the request live, not the queue's row.
  const request = useInvoiceRequest(requestId);
  if (request.isPending) return <LoadingBlock />;
  if (request.isError) return <ErrorBlock error={request.error} onRetry={() => void request.refetch()} />;
  return <IssueForm request={request.data} onClose={onClose} />;
}

function IssueForm({ request, onClose }: { request: InvoiceRequest; onClose: () => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const issue = useIssueInvoiceRequest();
  const remove = useDeleteInvoiceFile();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const form = useZodForm(issueInput, {
    invoiceNumber: "",
    issuedOn: chinaDate(new Date()),
    fileIds: [],
  });
  const files = request.files;

  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: queryKeys.invoiceRequests.detail(request.id) });

  const submit = () => {
    const body = form.validate({ override: { ...form.values, fileIds: files.map((f) => f.id) } });
    if (!body) return;
    issue.mutate(
      { id: request.id, body, idempotencyKey },
      {
        onSuccess: () => {
          void MessagePlugin.success(t("issue.done"));
          onClose();
        },
        onError: (error) => form.applyServerError(error),
      },
    );
  };

  const fieldErrorsShown = isApiError(issue.error, 400) && Object.keys(issue.error.fields).length > 0;

  return (
    <>
      <p className="mic-muted" style={{ marginTop: 0 }}>
        {t("issue.summary", {
          number: request.number,
          tenant: request.tenantName,
          amount: formatMoney(request.amount),
          title: request.title.name,
          email: request.email ?? "—",
        })}
      </p>
      <Alert theme="warning" className="mic-gap" message={t("issue.warning")} />
      {issue.error && !fieldErrorsShown ? (
        <div role="alert" className="mic-gap">
          <Alert theme="error" message={issue.error.message} />
        </div>
      ) : null}
      <section className="mic-gap" aria-labelledby="mic-issue-files">
        <h3 id="mic-issue-files" className="mic-section-title">
          {t("issue.files")}
        </h3>
        <InvoiceFiles
          requestId={request.id}
          files={files}
          action={(file) => (
            <Button
              variant="text"
              theme="danger"
              size="small"
              loading={remove.isPending && remove.variables.fileId === file.id}
              aria-label={t("issue.removeFile", { name: file.name })}
              onClick={() =>
                remove.mutate(
                  { requestId: request.id, fileId: file.id },
                  { onError: (error) => setUploadError(error.message) },
                )
              }
            >
              {t("issue.remove")}
            </Button>
          )}
        />
        <div className="mic-upload-row">
          <Upload
            theme="custom"
            name="file"
            accept={ACCEPT}
            multiple={false}
            autoUpload
            sizeLimit={{
              size: MAX_FILE_MIB,
              unit: "MB",
              message: t("issue.tooLarge", { max: MAX_FILE_MIB }),
            }}
            files={[]}
            requestMethod={async (picked) => {
              const one = Array.isArray(picked) ? picked[0] : picked;
              if (!one?.raw) return { status: "fail", error: t("issue.noFile"), response: {} };
              setUploadError(null);
              setUploading(true);
              try {
                const stored = await uploadInvoiceFile(request.id, one.raw);
                await refresh();
                void MessagePlugin.success(t("issue.uploaded", { name: stored.name }));
                return { status: "success", response: { ...stored } };
              } catch (error) {
                const message = error instanceof Error ? error.message : String(error);
                setUploadError(message);
                return { status: "fail", error: message, response: {} };
              } finally {
                setUploading(false);
              }
            }}
            onValidate={({ type }) => {
              if (type === "FILE_OVER_SIZE_LIMIT") setUploadError(t("issue.tooLarge", { max: MAX_FILE_MIB }));
            }}
          >
            <Button variant="outline" loading={uploading} icon={<UploadIcon aria-hidden="true" />}>
              {t("issue.upload")}
            </Button>
          </Upload>
          <span className="mic-muted mic-small">{t("issue.uploadHint", { max: MAX_FILE_MIB })}</span>
        </div>
        {uploadError ? (
          <div role="alert" className="mic-upload-error">
            <Alert theme="error" message={uploadError} />
          </div>
        ) : null}
        {form.errors.fileIds ? (
          <div role="alert" className="mic-upload-error">
            <Alert theme="error" message={t("issue.needPdf")} />
          </div>
        ) : null}
      </section>
      <Form labelAlign="top" onSubmit={submit} colon={false} requiredMark={false}>
        <Field label={t("issue.invoiceNumber")} error={form.errors.invoiceNumber} required>
          <Input
            name="invoiceNumber"
            value={form.values.invoiceNumber}
            maxlength={20}
            inputClass="mic-mono"
            placeholder={t("issue.invoiceNumberPlaceholder")}
            onChange={(v) => form.setField("invoiceNumber", String(v))}
          />
        </Field>
        <Field label={t("issue.issuedOn")} error={form.errors.issuedOn} required>
          <DatePicker
            value={form.values.issuedOn}
            valueType="YYYY-MM-DD"
            format="YYYY-MM-DD"
            allowInput
            placeholder="YYYY-MM-DD"
            onChange={(v) => form.setField("issuedOn", v ? String(v) : "")}
          />
        </Field>
        <DialogActions
          onCancel={onClose}
          submitText={t("issue.submit")}
          pending={issue.isPending}
          disabled={uploading}
        />
      </Form>
    </>
  );
}
