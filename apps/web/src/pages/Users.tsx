import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { api, must, type Schemas } from "../api/client";
import { useUnits } from "../api/queries";
import { useSession } from "../auth/session";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { ProblemList, problemOf } from "../components/ProblemList";
import { ErrorState, Loading } from "../components/States";
import type { Unit } from "../api/types";

type User = Schemas["User"];
type Role = User["role"];
type Notice = { ok: true; text: string } | ({ ok: false } & ReturnType<typeof problemOf>);

/** The role names come from the API (GET /v1/roles), so a role added there needs no change here. */
function useRoles() {
  return useQuery({ queryKey: ["roles"], staleTime: 60 * 60_000, queryFn: () => must(api.GET("/v1/roles")) });
}

/**
 * Người dùng: the accounts within a scope (admins anywhere; those allowed to manage people in their
 * scope), with forms to add one, change role, scope, display name or status, reset a password
 * (ending the user's sessions and API tokens) and deactivate. The API decides every write again.
 */
export default function Users() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const qc = useQueryClient();
  const { user } = useSession();
  const units = useUnits();
  const roles = useRoles();
  const [scope, setScope] = useState<string>("");
  const [showInactive, setShowInactive] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<{ kind: "reset" | "deactivate"; user: User } | null>(null);
  const [busy, setBusy] = useState(false);
  const root = scope || user?.scopeUnitId || "";
  const list = useQuery({
    queryKey: ["users", root, showInactive],
    enabled: !!root,
    queryFn: () => must(api.GET("/v1/users", { params: { query: { scope: root, ...(showInactive ? {} : { active: "true" as const }) } } })),
  });
  if (units.isPending || roles.isPending) return <Loading />;
  if (units.isError) return <ErrorState error={units.error} />;
  if (roles.isError) return <ErrorState error={roles.error} />;
  const unitList: Unit[] = units.data;
  const unitName = (id: string) => unitList.find((u) => u.id === id)?.name ?? id;
  const roleName = (id: string) => roles.data.items.find((r) => r.id === id)?.label[lang] ?? id;
  const refresh = () => qc.invalidateQueries({ queryKey: ["users"] });
  const fail = (err: unknown) => setNotice({ ok: false, ...problemOf(err) });

  async function act() {
    if (!confirm) return;
    setBusy(true);
    try {
      const path = { params: { path: { id: confirm.user.id } } };
      if (confirm.kind === "reset") {
        const r = await must(api.POST("/v1/users/{id}/reset-password", { ...path, body: {} }));
        setNotice({ ok: true, text: t("users.resetDone", { name: confirm.user.username, password: r.temporaryPassword ?? "" }) });
      } else {
        await must(api.POST("/v1/users/{id}/deactivate", path));
        setNotice({ ok: true, text: t("users.deactivated", { name: confirm.user.username }) });
      }
      await refresh();
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
      setConfirm(null);
    }
  }

  return (
    <div className="page">
      <div className="page-head">
        <h1>{t("users.title")}</h1>
        <div className="toolbar">
          <label className="field">
            <span>{t("users.scope")}</span>
            <select value={root} onChange={(e) => setScope(e.target.value)} data-testid="users-scope">
              {unitList.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name} ({u.id})
                </option>
              ))}
            </select>
          </label>
          <label className="field-inline">
            <input type="checkbox" checked={showInactive} onChange={(e) => setShowInactive(e.target.checked)} /> {t("users.showInactive")}
          </label>
        </div>
      </div>
      <p className="muted">{t("users.intro")}</p>
      {notice?.ok && (
        <p className="notice notice-ok" role="status" data-testid="users-notice">
          {notice.text}
        </p>
      )}
      {notice && !notice.ok && (
        <ProblemList
          title={t("users.failed")}
          message={notice.message}
          problems={notice.problems}
          labels={{
            username: t("users.username"),
            displayName: t("users.displayName"),
            password: t("users.password"),
            role: t("users.role"),
            scopeUnitId: t("users.scope"),
          }}
          testId="users-error"
        />
      )}
      <section className="card">
        {list.isPending ? (
          <Loading />
        ) : list.isError ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : list.data.items.length === 0 ? (
          <p className="muted">{t("users.empty")}</p>
        ) : (
          <div className="table-wrap">
            <table className="table" data-testid="users-table">
              <thead>
                <tr>
                  <th scope="col">{t("users.username")}</th>
                  <th scope="col">{t("users.displayName")}</th>
                  <th scope="col">{t("users.role")}</th>
                  <th scope="col">{t("users.unit")}</th>
                  <th scope="col">{t("users.status")}</th>
                  <th scope="col">{t("users.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((u) =>
                  editing === u.id ? (
                    <EditRow
                      key={u.id}
                      user={u}
                      units={unitList}
                      roles={roles.data.items}
                      lang={lang}
                      onDone={async (saved) => {
                        setEditing(null);
                        if (saved) {
                          setNotice({ ok: true, text: t("users.saved", { name: u.username }) });
                          await refresh();
                        }
                      }}
                      onError={fail}
                    />
                  ) : (
                    <tr key={u.id} data-testid={`user-${u.username}`}>
                      <td>{u.username}</td>
                      <td>{u.displayName}</td>
                      <td>{roleName(u.role)}</td>
                      <td>{unitName(u.scopeUnitId)}</td>
                      <td>{u.active ? t("users.active") : t("users.inactive")}</td>
                      <td className="toolbar">
                        <button type="button" className="btn btn-ghost" onClick={() => setEditing(u.id)}>
                          {t("users.edit")}
                        </button>
                        <button type="button" className="btn btn-ghost" onClick={() => setConfirm({ kind: "reset", user: u })}>
                          {t("users.reset")}
                        </button>
                        {u.active && u.id !== user?.id && (
                          <button type="button" className="btn btn-ghost" onClick={() => setConfirm({ kind: "deactivate", user: u })}>
                            {t("users.deactivate")}
                          </button>
                        )}
                      </td>
                    </tr>
                  ),
                )}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <AddUser
        units={unitList}
        roles={roles.data.items}
        lang={lang}
        defaultScope={root}
        onCreated={async (name) => {
          setNotice({ ok: true, text: t("users.created", { name }) });
          await refresh();
        }}
        onError={fail}
      />
      <ConfirmDialog
        open={confirm !== null}
        title={confirm?.kind === "reset" ? t("users.reset") : t("users.deactivate")}
        confirmLabel={confirm?.kind === "reset" ? t("users.reset") : t("users.deactivate")}
        cancelLabel={t("users.cancel")}
        busy={busy}
        onConfirm={() => void act()}
        onCancel={() => setConfirm(null)}
        testId="users-confirm"
      >
        <p>
          {confirm ? t(confirm.kind === "reset" ? "users.resetConfirm" : "users.deactivateConfirm", { name: confirm.user.username }) : ""}
        </p>
      </ConfirmDialog>
    </div>
  );
}

type RoleInfo = Schemas["RoleInfo"];

function RoleSelect({
  value,
  roles,
  lang,
  onChange,
  name,
}: {
  value: string;
  roles: readonly RoleInfo[];
  lang: "vi" | "en";
  onChange: (r: Role) => void;
  name: string;
}) {
  return (
    <select name={name} value={value} onChange={(e) => onChange(e.target.value as Role)} required>
      <option value="" disabled>
        —
      </option>
      {roles.map((r) => (
        <option key={r.id} value={r.id}>
          {r.label[lang]}
        </option>
      ))}
    </select>
  );
}

function UnitSelect({
  value,
  units,
  onChange,
  name,
}: {
  value: string;
  units: readonly Unit[];
  onChange: (id: string) => void;
  name: string;
}) {
  return (
    <select name={name} value={value} onChange={(e) => onChange(e.target.value)} required>
      {units.map((u) => (
        <option key={u.id} value={u.id}>
          {u.name} ({u.id})
        </option>
      ))}
    </select>
  );
}

function AddUser({
  units,
  roles,
  lang,
  defaultScope,
  onCreated,
  onError,
}: {
  units: readonly Unit[];
  roles: readonly RoleInfo[];
  lang: "vi" | "en";
  defaultScope: string;
  onCreated: (name: string) => Promise<void>;
  onError: (e: unknown) => void;
}) {
  const { t } = useTranslation();
  const [f, setF] = useState({ username: "", displayName: "", password: "", role: "" as Role | "", scopeUnitId: defaultScope });
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    try {
      await must(
        api.POST("/v1/users", {
          body: {
            username: f.username.trim(),
            displayName: f.displayName.trim(),
            password: f.password,
            role: f.role as Role,
            scopeUnitId: f.scopeUnitId,
          },
        }),
      );
      await onCreated(f.username.trim());
      setF({ username: "", displayName: "", password: "", role: "", scopeUnitId: defaultScope });
    } catch (err) {
      onError(err);
    } finally {
      setBusy(false);
    }
  }
  return (
    <section className="card" aria-labelledby="add-user-h">
      <h2 id="add-user-h">{t("users.add")}</h2>
      <form className="form-grid" onSubmit={submit} data-testid="add-user">
        <label className="field">
          <span>{t("users.username")}</span>
          <input
            name="username"
            value={f.username}
            onChange={(e) => setF({ ...f, username: e.target.value })}
            required
            autoComplete="off"
          />
        </label>
        <label className="field">
          <span>{t("users.displayName")}</span>
          <input name="displayName" value={f.displayName} onChange={(e) => setF({ ...f, displayName: e.target.value })} required />
        </label>
        <label className="field">
          <span>{t("users.password")}</span>
          <input
            name="password"
            type="password"
            value={f.password}
            onChange={(e) => setF({ ...f, password: e.target.value })}
            required
            autoComplete="new-password"
          />
        </label>
        {/* biome-ignore lint/a11y/noLabelWithoutControl: RoleSelect renders the <select> this label wraps */}
        <label className="field">
          <span>{t("users.role")}</span>
          <RoleSelect name="role" value={f.role} roles={roles} lang={lang} onChange={(role) => setF({ ...f, role })} />
        </label>
        {/* biome-ignore lint/a11y/noLabelWithoutControl: UnitSelect renders the <select> this label wraps */}
        <label className="field">
          <span>{t("users.unit")}</span>
          <UnitSelect
            name="scopeUnitId"
            value={f.scopeUnitId || units[0]?.id || ""}
            units={units}
            onChange={(scopeUnitId) => setF({ ...f, scopeUnitId })}
          />
        </label>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {t("users.create")}
        </button>
      </form>
    </section>
  );
}

function EditRow({
  user,
  units,
  roles,
  lang,
  onDone,
  onError,
}: {
  user: User;
  units: readonly Unit[];
  roles: readonly RoleInfo[];
  lang: "vi" | "en";
  onDone: (saved: boolean) => Promise<void>;
  onError: (e: unknown) => void;
}) {
  const { t } = useTranslation();
  const [f, setF] = useState({ displayName: user.displayName, role: user.role, scopeUnitId: user.scopeUnitId, active: user.active });
  async function save() {
    const body: { displayName?: string; role?: Role; scopeUnitId?: string; active?: boolean } = {};
    if (f.displayName.trim() !== user.displayName) body.displayName = f.displayName.trim();
    if (f.role !== user.role) body.role = f.role;
    if (f.scopeUnitId !== user.scopeUnitId) body.scopeUnitId = f.scopeUnitId;
    if (f.active !== user.active) body.active = f.active;
    if (!Object.keys(body).length) return onDone(false);
    try {
      await must(api.PATCH("/v1/users/{id}", { params: { path: { id: user.id } }, body }));
      await onDone(true);
    } catch (err) {
      onError(err);
    }
  }
  return (
    <tr data-testid={`user-edit-${user.username}`}>
      <td>{user.username}</td>
      <td>
        <input aria-label={t("users.displayName")} value={f.displayName} onChange={(e) => setF({ ...f, displayName: e.target.value })} />
      </td>
      <td>
        <RoleSelect name="role" value={f.role} roles={roles} lang={lang} onChange={(role) => setF({ ...f, role })} />
      </td>
      <td>
        <UnitSelect name="scopeUnitId" value={f.scopeUnitId} units={units} onChange={(scopeUnitId) => setF({ ...f, scopeUnitId })} />
      </td>
      <td>
        <label>
          <input type="checkbox" checked={f.active} onChange={(e) => setF({ ...f, active: e.target.checked })} /> {t("users.active")}
        </label>
      </td>
      <td className="toolbar">
        <button type="button" className="btn btn-primary" onClick={() => void save()}>
          {t("users.save")}
        </button>
        <button type="button" className="btn btn-ghost" onClick={() => void onDone(false)}>
          {t("users.cancel")}
        </button>
      </td>
    </tr>
  );
}
