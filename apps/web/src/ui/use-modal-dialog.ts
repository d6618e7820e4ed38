import { useEffect, useRef } from 'react';

/**
 * Opens a `<dialog>` as modal while the component is mounted (focus stays inside, Escape closes it), or as an
 * open, non-modal one where the browser has no showModal (jsdom, old browsers), which still works with the
 * keyboard; focuses the first element marked `data-autofocus`. `closingOnPurpose` is set when unmounting
 * closes it, so that the close event this causes is not taken for the user's.
 */
export function useModalDialog() {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const closingOnPurpose = useRef(false);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (!dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    }
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      if (dialog.open && typeof dialog.close === 'function') {
        closingOnPurpose.current = true;
        dialog.close();
      }
    };
  }, []);

  return { dialogRef, closingOnPurpose };
}
