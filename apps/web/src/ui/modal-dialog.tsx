import { useRef, type ReactNode } from 'react';
import { useModalDialog } from './use-modal-dialog.js';

export interface ModalDialogProps {
  /** The id of the dialog's heading, which names it. */
  labelledBy: string;
  describedBy?: string;
  className?: string;
  /** Escape, the browser closing it, or a cancel button: the parent unmounts the dialog. */
  onClose(): void;
  children: ReactNode;
}

/**
 * A modal `<dialog>` while it is mounted (focus stays inside, Escape closes it); an open, non-modal one where
 * the browser has no showModal (jsdom, old browsers), which still works with the keyboard. The first element
 * marked `data-autofocus` has the focus when it opens. Same behaviour as the action panel's event dialog.
 */
export function ModalDialog({ labelledBy, describedBy, className, onClose, children }: ModalDialogProps) {
  const { dialogRef, closingOnPurpose } = useModalDialog();
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  return (
    <dialog
      ref={dialogRef}
      className={className}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      onCancel={(event) => {
        event.preventDefault();
        onCloseRef.current();
      }}
      onClose={() => {
        if (closingOnPurpose.current) closingOnPurpose.current = false;
        else onCloseRef.current();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          onCloseRef.current();
        }
      }}
    >
      {children}
    </dialog>
  );
}
