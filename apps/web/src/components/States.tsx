import { useTranslation } from "react-i18next";
import { ApiError } from "../api/http";
import { pickLang } from "../lib/text";

/** A designed loading state: a labelled spinner that screen readers announce. */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{label ?? t("state.loading")}</span>
    </div>
  );
}

/** A designed empty state with a short explanation and an optional action. */
export function Empty({ title, hint, action }: { title: string; hint?: string; action?: React.ReactNode }) {
  return (
    <div className="state state-empty">
      <div className="state-icon" aria-hidden="true">
        ∅
      </div>
      <p className="state-title">{title}</p>
      {hint && <p className="state-hint">{hint}</p>}
      {action}
    </div>
  );
}

/**
 * A designed error state. It names what failed in the user's language: missing endpoint,
 * no permission, or the API's own problem text.
 */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, i18n } = useTranslation();
  let title = t("state.error");
  let detail = "";
  if (error instanceof ApiError) {
    // The API answers an unknown route with 404 "no such route": that is a feature not served yet.
    if (error.status === 404 && /no such route/.test(error.message)) title = t("state.notAvailable");
    else if (error.status === 404) title = t("state.notFound");
    else if (error.status === 403) title = t("state.forbidden");
    else if (error.status === 401) title = t("state.unauthenticated");
    else if (error.status === 501 || error.status === 405) title = t("state.notAvailable");
    detail = pickLang(error.message, i18n.language === "en" ? "en" : "vi");
  } else if (error instanceof Error) {
    detail = error.message === "Failed to fetch" ? t("state.offline") : error.message;
  }
  return (
    <div className="state state-error" role="alert">
      <div className="state-icon" aria-hidden="true">
        !
      </div>
      <p className="state-title">{title}</p>
      {detail && <p className="state-hint">{detail}</p>}
      {onRetry &&
        !(error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429) && (
          <button type="button" className="btn" onClick={onRetry}>
            {t("action.retry")}
          </button>
        )}
    </div>
  );
}
