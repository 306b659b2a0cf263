import {
  type Attributes,
  type FormEvent,
  type KeyboardEvent,
  type ReactElement,
  type ReactNode,
  cloneElement,
  createContext,
  useContext,
  useEffect,
  useId,
  useRef,
} from "react";
import { useTranslation } from "react-i18next";

/** What the frame tells its fields: the message at each field key, and the ids to tie them together. */
interface FrameContext {
  fieldErrors: Readonly<Record<string, string>>;
  idBase: string;
}

const Frame = createContext<FrameContext>({ fieldErrors: {}, idBase: "form" });

/** The id of a field's message beside it (what its control's `aria-describedby` names). */
export const errorIdOf = (idBase: string, name: string): string => `${idBase}-${name.replace(/[^\w-]/g, "_")}-error`;

/**
 * The frame every record form shares: its heading, the error list (role="alert"), the conflict panel,
 * the button row (Lưu / Hủy, both disabled while saving) and the keyboard: after a failed save the
 * first invalid field (or, when no field is named, the error list) takes the focus; Escape cancels a
 * form opened on demand (`escapeCancels`). Each form only declares its fields (`Field`) and passes the
 * problems its save found (`errors` for the list, `fieldErrors` by field key for beside the fields).
 * @example
 * <FormFrame testId="ocop-form" title="Thêm sản phẩm OCOP" busy={busy} errors={errors} fieldErrors={fieldErrors} onSubmit={save} onCancel={onDone}>
 *   <Field name="name" label="Tên sản phẩm"><input value={d.name} onChange={set("name")} name="name" /></Field>
 * </FormFrame>
 */
export function FormFrame({
  testId,
  title,
  headingId,
  headingLevel = 2,
  intro,
  busy,
  errors,
  fieldErrors = {},
  errorsTestId,
  conflict,
  onSubmit,
  onCancel,
  escapeCancels = true,
  noValidate = true,
  children,
}: {
  testId: string;
  title: ReactNode;
  /** The heading's id (the form is labelled by it); defaults to `<testId>-h`. */
  headingId?: string;
  headingLevel?: 2 | 3;
  /** A line under the heading (who saved the record last…). */
  intro?: ReactNode;
  busy: boolean;
  /** The list's lines, each already in words ("Tên sản phẩm: …"). */
  errors: readonly string[];
  /** Messages by the field key a `Field` declares. */
  fieldErrors?: Readonly<Record<string, string>>;
  errorsTestId?: string;
  /** The side-by-side panel of a stale save (`RecordConflict`), when there is one. */
  conflict?: ReactNode;
  onSubmit: (e: FormEvent) => void;
  onCancel: () => void;
  escapeCancels?: boolean;
  noValidate?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const form = useRef<HTMLFormElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const idBase = useId().replace(/:/g, "");
  const hId = headingId ?? `${testId}-h`;
  const Heading = headingLevel === 3 ? "h3" : "h2";

  // A failed save (a new list or new field messages): focus the first invalid field, else the list.
  useEffect(() => {
    if (errors.length === 0 && Object.keys(fieldErrors).length === 0) return;
    const invalid = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (invalid ?? list.current)?.focus();
  }, [errors, fieldErrors]);

  function onKeyDown(e: KeyboardEvent<HTMLFormElement>) {
    if (e.key !== "Escape" || !escapeCancels || busy || e.defaultPrevented) return;
    e.preventDefault();
    onCancel();
  }

  return (
    <Frame.Provider value={{ fieldErrors, idBase }}>
      <form
        ref={form}
        className="bulk-form"
        onSubmit={onSubmit}
        onKeyDown={onKeyDown}
        aria-labelledby={hId}
        aria-busy={busy}
        data-testid={testId}
        noValidate={noValidate}
      >
        <Heading id={hId}>{title}</Heading>
        {intro}
        {children}
        {errors.length > 0 && (
          <div ref={list} className="notice notice-error" role="alert" tabIndex={-1} data-testid={errorsTestId}>
            {errors.map((x) => (
              <p key={x}>{x}</p>
            ))}
          </div>
        )}
        {conflict}
        <div className="toolbar">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {t("records.save")}
          </button>
          <button type="button" className="btn btn-ghost" disabled={busy} onClick={onCancel}>
            {t("records.cancel")}
          </button>
        </div>
      </form>
    </Frame.Provider>
  );
}

/**
 * One field of a framed form: its visible label, its control, and the message the frame holds for its
 * key beside it (the control gets `aria-invalid` and `aria-describedby` pointing at the message).
 * `bare` leaves out the label (a control labelled elsewhere, such as a table's row header).
 * @example
 * <Field name="score" label="Điểm đánh giá"><input name="score" value={d.score} onChange={set("score")} /></Field>
 */
export function Field({
  name,
  label,
  hint,
  bare = false,
  children,
}: {
  name: string;
  label?: ReactNode;
  hint?: ReactNode;
  bare?: boolean;
  children: ReactElement<object>;
}) {
  const { fieldErrors, idBase } = useContext(Frame);
  const error = fieldErrors[name];
  const errorId = errorIdOf(idBase, name);
  const own = (children.props as { "aria-describedby"?: string })["aria-describedby"];
  const described = [own, error ? errorId : undefined].filter(Boolean).join(" ");
  const control = cloneElement(children, {
    "aria-invalid": error ? true : undefined,
    "aria-describedby": described || undefined,
  } as Attributes);
  const message = error ? (
    <small className="field-error" id={errorId} data-testid={`error-${name}`}>
      {error}
    </small>
  ) : null;
  if (bare)
    return (
      <>
        {control}
        {hint}
        {message}
      </>
    );
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control is the child passed in, wrapped by the label
    <label className="field">
      <span>{label}</span>
      {control}
      {hint}
      {message}
    </label>
  );
}
