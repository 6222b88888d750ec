import { Alert, Button, Dialog, Form, Input, MessagePlugin } from "tdesign-react";
import { CopyIcon } from "tdesign-icons-react";
import { Field } from "@/components/field";
import { useDialogRole } from "@/components/use-dialog-role";
import { useI18n } from "@/lib/i18n/i18n-provider";
import type { CreatedWebhookEndpoint } from "../api/mutations";

/** Copies text; the clipboard API needs a secure context, older browsers a selected input. */
async function copyText(text: string, input: HTMLInputElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (!input) return false;
    input.select();
    return document.execCommand("copy");
  }
}

/**
 * The signing secret right after 添加: shown this once (the API never returns it again), with a
 * copy button and the warning; closed only by 我已保存密钥.
 */
export function SecretDialog({
  endpoint,
  onClose,
}: {
  endpoint: CreatedWebhookEndpoint | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const header = t("webhooks.secret.title");
  useDialogRole(endpoint !== null, ".mic-secret-dialog", header);

  const copy = async () => {
    if (!endpoint) return;
    const input = document.querySelector<HTMLInputElement>(".mic-secret-dialog input");
    if (await copyText(endpoint.secret, input)) void MessagePlugin.success(t("webhooks.secret.copied"));
    else void MessagePlugin.warning(t("webhooks.secret.copyFailed"));
  };

  return (
    <Dialog
      dialogClassName="mic-secret-dialog"
      visible={endpoint !== null}
      header={header}
      onClose={onClose}
      closeBtn={false}
      closeOnOverlayClick={false}
      closeOnEscKeydown={false}
      destroyOnClose
      width={600}
      footer={
        <Button theme="primary" onClick={onClose}>
          {t("webhooks.secret.done")}
        </Button>
      }
    >
      {endpoint ? (
        <>
          <Alert
            theme="warning"
            className="mic-gap"
            title={t("webhooks.secret.warningTitle")}
            message={t("webhooks.secret.warning")}
          />
          <p className="mic-small">
            {t("webhooks.secret.for")} <code className="mic-webhook-url">{endpoint.url}</code>
          </p>
          <Form labelAlign="top" colon={false}>
            <Field label={t("webhooks.secret.label")}>
              <div className="mic-secret-row">
                <Input value={endpoint.secret} readonly className="mic-secret-input" />
                <Button theme="primary" variant="outline" icon={<CopyIcon />} onClick={() => void copy()}>
                  {t("webhooks.secret.copy")}
                </Button>
              </div>
            </Field>
          </Form>
        </>
      ) : null}
    </Dialog>
  );
}
