import { useEffect, useRef, type ReactNode } from "react";

/**
 * A modal confirmation (native <dialog>): a title, what will happen, confirm and cancel. Escape cancels.
 * @example
 * <ConfirmDialog open title="Công bố?" confirmLabel="Xác nhận" cancelLabel="Huỷ" onConfirm={go} onCancel={close}>…</ConfirmDialog>
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  cancelLabel,
  busy,
  confirmDisabled,
  onConfirm,
  onCancel,
  testId,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  busy?: boolean;
  /** The confirm button waits for input the step needs (cancel stays available). */
  confirmDisabled?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  testId?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal?.();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="card confirm-dialog"
      aria-labelledby="confirm-h"
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id="confirm-h">{title}</h2>
      <div>{children}</div>
      <div className="toolbar">
        <button type="button" className="btn btn-primary" disabled={busy || confirmDisabled} onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" className="btn btn-ghost" disabled={busy} onClick={onCancel}>
          {cancelLabel}
        </button>
      </div>
    </dialog>
  );
}
