import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/http";
import { type FieldLabels, type PathProblem, showProblems } from "./fieldProblems";
import { pickLang } from "./text";

/** What a record the server versions looks like when it is read back after a 412. */
export interface Versioned {
  version?: number | null;
  updatedBy?: string | null;
  updatedAt?: string;
}

/**
 * The one save pattern of the record forms (housing, inspections, steering, OCOP, task progress):
 * send with `If-Match: "<version>"`; on 412 read the saved record back and show it beside yours
 * (`theirs`, rendered with `RecordConflict`), remembering its version so "keep mine" saves over it;
 * any other problem becomes the error list (Vietnamese or English half of the server's text), each
 * field problem labelled with the field's visible name from `labels` and placed beside that field
 * (`fieldErrors`, read by `FormFrame`'s `Field`), never as a raw `$.` path.
 * Validation before sending stays in the form; it reports through `report` (or `setErrors`).
 * @example
 * const saver = useVersionedSave<Member>({ version: record?.version ?? 0, readTheirs: record ? () => fetchMember(record.id) : undefined });
 * await saver.send((ifMatch) => api.PATCH(path, { headers: { "if-match": ifMatch }, body }).then(must));
 * saver.theirs && <RecordConflict onKeepMine={() => save(undefined, saver.theirs.version)} onTakeTheirs={saver.dismiss} … />
 */
export function useVersionedSave<T extends Versioned>(options: {
  /** The version the form was opened at (0 for a new record). */
  version: number;
  /** Reads the saved record after a 412; without it (a new record) a 412 is shown as an error. */
  readTheirs?: (() => Promise<T | null>) | undefined;
  /** The form's visible field labels by field key (the body's path without `$.`). */
  labels?: FieldLabels;
  /** What one problem says, without its field's label (default: the server's message in the reader's language). */
  messageOf?: (p: PathProblem) => string;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const [version, setVersion] = useState(options.version);
  const [errors, setErrors] = useState<string[]>([]);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [theirs, setTheirs] = useState<T | null>(null);
  const [busy, setBusy] = useState(false);
  const labels = options.labels ?? {};
  const other = t("records.otherField");

  /** Shows problems (a form's own checks or the server's): the list in words, each message at its field. */
  function report(problems: readonly PathProblem[], lead: string[] = []): void {
    const { messageOf } = options;
    const worded = messageOf ? problems.map((p) => ({ path: p.path, message: messageOf(p) })) : problems;
    const shown = showProblems(worded, labels, lang, other);
    setErrors([...lead, ...shown.list]);
    setFieldErrors(shown.byField);
  }

  /** Sends at `atVersion` (default: the version last known); true when it was saved. */
  async function send(request: (ifMatch: string) => Promise<unknown>, atVersion = version): Promise<boolean> {
    setErrors([]);
    setFieldErrors({});
    setBusy(true);
    try {
      await request(`"${atVersion}"`);
      return true;
    } catch (err) {
      if (err instanceof ApiError && err.status === 412 && options.readTheirs) {
        const now = await options.readTheirs();
        setTheirs(now);
        if (now?.version) setVersion(now.version);
      } else if (err instanceof ApiError) report(err.fieldProblems, [pickLang(err.message, lang)]);
      else setErrors([String(err)]);
      return false;
    } finally {
      setBusy(false);
    }
  }

  return { version, errors, setErrors, fieldErrors, report, theirs, busy, send, dismiss: () => setTheirs(null) };
}
