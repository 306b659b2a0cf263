import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useQuery } from "@tanstack/react-query";
import { Redirect, useSearch } from "wouter";
import { api, must } from "../api/client";
import { useSession } from "../auth/session";
import { ErrorState, Loading } from "../components/States";
import { ProblemList, problemOf } from "../components/ProblemList";

/**
 * Khởi tạo: the first administrator of an empty system, with the one-time token from the setup link
 * (`/setup?token=…`). Signs the new administrator in and opens the unit page, where the tree is imported.
 */
export default function Setup() {
  const { t } = useTranslation();
  const search = useSearch();
  const { signIn, user } = useSession();
  const [done, setDone] = useState(false);
  const status = useQuery({ queryKey: ["setup"], queryFn: () => must(api.GET("/v1/setup")) });
  const [form, setForm] = useState({
    token: new URLSearchParams(search).get("token") ?? "",
    username: "",
    password: "",
    displayName: "",
    provinceId: "",
    provinceName: "",
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ReturnType<typeof problemOf> | null>(null);
  // Leave once the session carries the new administrator, so the guarded unit page sees them.
  if (done && user) return <Redirect to="/units" replace />;
  if (status.isPending) return <Loading />;
  if (status.isError) return <ErrorState error={status.error} onRetry={() => void status.refetch()} />;
  if (!status.data.needed)
    return (
      <div className="page">
        <h1>{t("setup.title")}</h1>
        <p className="notice notice-warn" data-testid="setup-done">
          {t("setup.already")}
        </p>
      </div>
    );

  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const province =
        form.provinceId.trim() || form.provinceName.trim()
          ? { province: { id: form.provinceId.trim(), name: form.provinceName.trim() } }
          : {};
      await must(
        api.POST("/v1/setup", {
          body: {
            token: form.token.trim(),
            username: form.username.trim(),
            password: form.password,
            displayName: form.displayName.trim(),
            ...province,
          },
        }),
      );
      await signIn(form.username.trim(), form.password);
      setDone(true);
    } catch (err) {
      setError(problemOf(err));
    } finally {
      setBusy(false);
    }
  }
  const field = (k: keyof typeof form, label: string, type = "text", autoComplete = "off") => (
    <label className="field">
      <span>{label}</span>
      <input
        name={k}
        type={type}
        value={form[k]}
        onChange={set(k)}
        autoComplete={autoComplete}
        required={k !== "provinceId" && k !== "provinceName"}
      />
    </label>
  );
  return (
    <div className="page signin">
      <h1>{t("setup.title")}</h1>
      <p className="muted">{t("setup.intro")}</p>
      <form className="card signin-card" onSubmit={submit} data-testid="setup-form">
        {field("token", t("setup.token"))}
        {field("username", t("setup.username"), "text", "username")}
        {field("password", t("setup.password"), "password", "new-password")}
        {field("displayName", t("setup.displayName"))}
        <p className="small muted">{t("setup.provinceHint")}</p>
        {field("provinceId", t("setup.provinceId"))}
        {field("provinceName", t("setup.provinceName"))}
        {error && (
          <ProblemList
            title={t("setup.failed")}
            message={error.message}
            problems={error.problems}
            labels={{
              token: t("setup.token"),
              username: t("setup.username"),
              password: t("setup.password"),
              displayName: t("setup.displayName"),
              "province.id": t("setup.provinceId"),
              "province.name": t("setup.provinceName"),
            }}
            testId="setup-error"
          />
        )}
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? t("setup.busy") : t("setup.submit")}
        </button>
      </form>
    </div>
  );
}
