import type { ReactNode } from "react";
import { Button, Drawer } from "tdesign-react";
import { useDialogRole } from "@/components/use-dialog-role";
import "./detail-drawer.css";

interface DetailDrawerProps {
  open: boolean;
  header: string;
  closeText: string;
  /** Unique per drawer: it is how useDialogRole finds the portalled element. */
  className: string;
  size: string;
  onClose: () => void;
  children: ReactNode;
}

/** A read-only side drawer, announced as a dialog named by its header, closed from its footer. */
export function DetailDrawer({
  open,
  header,
  closeText,
  className,
  size,
  onClose,
  children,
}: DetailDrawerProps) {
  useDialogRole(open, `.${className} .t-drawer__content-wrapper`, header);
  return (
    <Drawer
      visible={open}
      header={header}
      onClose={onClose}
      size={size}
      className={className}
      footer={
        <Button variant="outline" onClick={onClose}>
          {closeText}
        </Button>
      }
    >
      {children}
    </Drawer>
  );
}

/** A section heading inside a drawer. */
export function DrawerSection({ title }: { title: string }) {
  return <h2 className="mic-panel-title mic-drawer-section">{title}</h2>;
}
