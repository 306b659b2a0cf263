import { useTranslation } from "react-i18next";
import type { FieldProblem } from "../api/http";
import { type FieldLabels, showProblems } from "../lib/fieldProblems";
import { pickLang } from "../lib/text";

/**
 * A refused write: the API's message and each field (or row and column) it names; a field by its visible
 * label from `labels` ("Tên đăng nhập: …"), never by the request's JSON path.
 */
export function ProblemList({
  title,
  message,
  problems,
  labels = {},
  testId,
}: {
  title: string;
  message: string;
  problems: readonly FieldProblem[];
  /** The form's visible field labels by field key (the body's path without `$.`). */
  labels?: FieldLabels;
  testId?: string;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  return (
    <div className="notice notice-error" role="alert" data-testid={testId}>
      <p>
        <strong>{title}</strong> {pickLang(message, lang)}
      </p>
      {problems.length > 0 && (
        <ul>
          {problems.map((p, i) => (
            <li key={i}>
              {p.row !== undefined
                ? `${t("bulk.row")} ${p.row}${p.column ? `, ${t("bulk.column")} ${p.column}` : ""}: ${pickLang(p.message, lang)}`
                : showProblems([p], labels, lang, t("records.otherField")).list[0]}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The message and field problems of any error thrown by a call. */
export function problemOf(err: unknown): { message: string; problems: FieldProblem[] } {
  const e = err as { message?: string; fieldProblems?: FieldProblem[] };
  return { message: e?.message ?? String(err), problems: e?.fieldProblems ?? [] };
}
