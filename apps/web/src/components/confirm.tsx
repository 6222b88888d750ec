import { DialogPlugin, MessagePlugin } from "tdesign-react";

interface ConfirmOptions {
  header: string;
  body: string;
  confirmText: string;
  cancelText: string;
  danger?: boolean;
  /** Runs with the confirm button spinning; the dialog closes when it resolves. */
  onConfirm: () => Promise<unknown>;
}

/** A confirmation before an irreversible action, with progress on the button and errors kept visible. */
export function confirmAction({ header, body, confirmText, cancelText, danger, onConfirm }: ConfirmOptions) {
  const dialog = DialogPlugin.confirm({
    header,
    body,
    theme: danger ? "danger" : "warning",
    confirmBtn: { content: confirmText, theme: danger ? "danger" : "primary" },
    cancelBtn: cancelText,
    closeOnOverlayClick: false,
    onConfirm: async () => {
      dialog.update({
        confirmBtn: { content: confirmText, theme: danger ? "danger" : "primary", loading: true },
      });
      try {
        await onConfirm();
        dialog.hide();
        dialog.destroy();
      } catch (error) {
        dialog.update({
          confirmBtn: { content: confirmText, theme: danger ? "danger" : "primary", loading: false },
        });
        void MessagePlugin.error(error instanceof Error ? error.message : String(error));
      }
    },
    onClose: () => {
      dialog.hide();
      dialog.destroy();
    },
  });
  return dialog;
}
