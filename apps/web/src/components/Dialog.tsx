import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';

/**
 * A modal on the native <dialog>: showModal() makes the rest of the page inert (focus stays
 * inside), Escape closes it, and focus returns to the button that opened it.
 */
export function Dialog({
  title,
  open,
  onClose,
  onSubmit,
  busy,
  children,
}: {
  title: string;
  open: boolean;
  onClose: () => void;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  busy?: boolean;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      const opener = document.activeElement as HTMLElement | null;
      dialog.showModal();
      return () => opener?.focus();
    }
    if (!open && dialog.open) dialog.close();
    return undefined;
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit(event);
        }}
      >
        <h2 id={titleId}>{title}</h2>
        {children}
        <div className="actions">
          <button type="submit" disabled={busy}>
            Xác nhận
          </button>
          <button type="button" className="secondary" onClick={onClose}>
            Hủy
          </button>
        </div>
      </form>
    </dialog>
  );
}
