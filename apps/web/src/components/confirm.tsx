import { DialogPlugin, MessagePlugin } from "tdesign-react";
import { labelDialog } from "./use-dialog-role";

interface ConfirmOptions {
  header: string;
  body: string;
  confirmText: string;
  cancelText: string;
  danger?: boolean;
  /** Runs with the confirm button spinning; the dialog closes when it resolves. */
  onConfirm: () => Promise<unknown>;
}

let opened = 0;

/** A confirmation before an irreversible action, with progress on the button and errors kept visible. */
export function confirmAction({ header, body, confirmText, cancelText, danger, onConfirm }: ConfirmOptions) {
  // A class of its own, so this pop-up (and no other) gets role="dialog" named by its header.
  const dialogClassName = `mic-confirm-${++opened}`;
  const close = () => {
    stopLabelling();
    dialog.hide();
    dialog.destroy();
  };
  const dialog = DialogPlugin.confirm({
    header,
    body,
    theme: danger ? "danger" : "warning",
    confirmBtn: { content: confirmText, theme: danger ? "danger" : "primary" },
    cancelBtn: cancelText,
    closeOnOverlayClick: false,
    dialogClassName,
    onConfirm: async () => {
      dialog.update({
        confirmBtn: { content: confirmText, theme: danger ? "danger" : "primary", loading: true },
      });
      try {
        await onConfirm();
        close();
      } catch (error) {
        dialog.update({
          confirmBtn: { content: confirmText, theme: danger ? "danger" : "primary", loading: false },
        });
        void MessagePlugin.error(error instanceof Error ? error.message : String(error));
      }
    },
    onClose: close,
  });
  const stopLabelling = labelDialog(`.${dialogClassName}`, header);
  return dialog;
}
