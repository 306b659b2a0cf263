import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, Redirect, useSearch } from "wouter";
import { useSession } from "../auth/session";
import { ApiError } from "../api/http";
import { DEMO_ACCOUNTS } from "../lib/demo";

/** Sign-in with a username and password, with one-click demo roles for the demo database. */
export default function SignIn() {
  const { t } = useTranslation();
  const { signIn, user } = useSession();
  const search = useSearch();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const next = new URLSearchParams(search).get("next");
  const target = next && next.startsWith("/") && !next.startsWith("/sign-in") ? next : "/";

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(username, password);
      setDone(true);
    } catch (err) {
      if (err instanceof ApiError && (err.status === 401 || err.status === 400)) setError(t("auth.badCredentials"));
      else if (err instanceof ApiError && err.status === 429) setError(t("auth.tooMany"));
      else setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  // Leave only once the session context carries the new user, so guarded pages see it.
  if (done && user) return <Redirect to={target} replace />;

  return (
    <div className="signin">
      <form className="card signin-card" onSubmit={submit} aria-describedby={error ? "signin-error" : undefined}>
        <h1>{t("auth.title")}</h1>
        {user && <p className="muted">{t("auth.already", { name: user.displayName })}</p>}
        <label className="field">
          <span>{t("auth.username")}</span>
          <input name="username" autoComplete="username" required value={username} onChange={(e) => setUsername(e.target.value)} />
        </label>
        <label className="field">
          <span>{t("auth.password")}</span>
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {error && (
          <p id="signin-error" className="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? t("state.working") : t("auth.signIn")}
        </button>
        <p className="muted small">
          <Link href="/cong-khai" data-testid="public-link">
            {t("auth.publicLink")}
          </Link>
        </p>
      </form>
      <section className="card signin-demo" aria-labelledby="demo-h">
        <h2 id="demo-h">{t("auth.demoTitle")}</h2>
        <p className="muted">{t("auth.demoHint")}</p>
        <ul className="demo-list">
          {DEMO_ACCOUNTS.map((a) => (
            <li key={a.username}>
              <button
                type="button"
                className="btn demo-btn"
                onClick={() => {
                  setUsername(a.username);
                  setPassword(a.password);
                }}
              >
                <strong>{t(`role.${a.role}`)}</strong>
                <span className="muted">{a.username}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
