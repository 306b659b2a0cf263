import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useSearch } from "wouter";
import { REGIONS, UNIT_LEVEL_LABELS, formatDate } from "@ntm/core";
import { useUnitRecord, useUnitTree } from "../api/queries";
import { useSession } from "../auth/session";
import type { SessionUser } from "../api/types";
import { Empty, ErrorState, Loading } from "../components/States";
import { UnitTree } from "../components/UnitTree";
import { AddUnitForm, DeleteUnit, EditUnitForm, type UnitNotice } from "../components/UnitForms";
import { UnitImport } from "../components/UnitImport";
import { canChangeUnit } from "../lib/roles";
import { childLevels, filterTree, findNode, flattenTree, parentChoices, parentsOf, pathTo, type UnitNode } from "../lib/unitTree";
import { localName } from "../lib/text";
import "./Units.css";

/**
 * Đơn vị hành chính: the unit tree of the user's scope, one unit's details, and for those allowed
 * (admins; province officers in scope) forms to add, edit, move and delete units. Others read only.
 * The selected unit is in the query string (`/units?id=`), so selecting keeps the page and its tree.
 */
export default function Units() {
  const { t } = useTranslation();
  const { user, can } = useSession();
  const search = useSearch();
  const [, navigate] = useLocation();
  const tree = useUnitTree();
  const root = tree.data;
  const selectedId = new URLSearchParams(search).get("id") ?? root?.id;
  const [query, setQuery] = useState("");
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set());
  const [notice, setNotice] = useState<UnitNotice | null>(null);

  // The top and the way down to the selected unit are open.
  useEffect(() => {
    if (!root || !selectedId) return;
    const path = [root.id, ...pathTo(root, selectedId).slice(0, -1)];
    setExpanded((prev) => (path.every((id) => prev.has(id)) ? prev : new Set([...prev, ...path])));
  }, [root, selectedId]);

  const shown = useMemo(() => (root ? filterTree(root, query) : null), [root, query]);
  const parents = useMemo(() => (root ? parentsOf(root) : new Map<string, string | null>()), [root]);

  if (tree.isPending) return <Loading />;
  if (tree.isError) return <ErrorState error={tree.error} onRetry={() => void tree.refetch()} />;
  const rootNode = tree.data;

  return (
    <div className="page">
      <div className="page-head">
        <h1>{t("units.title")}</h1>
      </div>
      <p className="muted">{t("units.intro")}</p>
      {!can.manageUnits && (
        <p className="notice notice-warn" data-testid="units-read-only">
          {t("units.readOnly")}
        </p>
      )}
      <div className="units-layout">
        <section className="card" aria-label={t("units.treeLabel")}>
          <div className="units-tree-tools">
            <label className="field">
              <span>{t("units.search")}</span>
              <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
            </label>
            <div className="toolbar">
              <button
                type="button"
                className="btn btn-ghost"
                disabled={!!query.trim()}
                onClick={() => setExpanded(new Set(flattenTree(rootNode).map((u) => u.id)))}
              >
                {t("units.expandAll")}
              </button>
              <button type="button" className="btn btn-ghost" disabled={!!query.trim()} onClick={() => setExpanded(new Set())}>
                {t("units.collapseAll")}
              </button>
            </div>
          </div>
          <div className="units-tree-scroll">
            {shown ? (
              <UnitTree
                root={shown}
                selectedId={selectedId}
                expanded={expanded}
                allOpen={!!query.trim()}
                onToggle={(id) =>
                  setExpanded((prev) => {
                    const next = new Set(prev);
                    if (next.has(id)) next.delete(id);
                    else next.add(id);
                    return next;
                  })
                }
                onSelect={() => setNotice(null)}
              />
            ) : (
              <p className="muted">{t("units.noMatch", { q: query.trim() })}</p>
            )}
          </div>
        </section>
        <div className="units-panel">
          {notice && (
            <p
              className={`notice ${notice.kind === "ok" ? "notice-ok" : "notice-error"}`}
              role={notice.kind === "ok" ? "status" : "alert"}
              data-testid="units-notice"
            >
              {notice.text}
            </p>
          )}
          {can.manageUnits && <UnitImport />}
          {selectedId && findNode(rootNode, selectedId) ? (
            <UnitPanel
              key={selectedId}
              id={selectedId}
              root={rootNode}
              parents={parents}
              user={user}
              onNotice={setNotice}
              onGo={(id) => navigate(id ? `/units?id=${encodeURIComponent(id)}` : "/units")}
            />
          ) : (
            <Empty title={selectedId ? t("units.notInTree", { id: selectedId }) : t("units.pick")} />
          )}
        </div>
      </div>
    </div>
  );
}

function UnitPanel({
  id,
  root,
  parents,
  user,
  onNotice,
  onGo,
}: {
  id: string;
  root: UnitNode;
  parents: ReadonlyMap<string, string | null>;
  user: SessionUser | null;
  onNotice: (n: UnitNotice) => void;
  onGo: (id: string | null) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const rec = useUnitRecord(id);
  const node = findNode(root, id);
  if (rec.isPending) return <Loading />;
  if (rec.isError) return <ErrorState error={rec.error} onRetry={() => void rec.refetch()} />;
  if (!node) return null;
  const { unit, ancestors } = rec.data.data;
  const etag = rec.data.etag ?? `"${unit.version}"`;
  const may = {
    update: canChangeUnit(user, { kind: "update", unitId: id }, parents),
    create: childLevels(unit.level).length > 0 && canChangeUnit(user, { kind: "create", parentId: id }, parents),
    remove: canChangeUnit(user, { kind: "delete", unitId: id }, parents),
  };
  // Moves: the parents this unit's level may sit under that the user may move it to; the current one always.
  const parentOptions =
    unit.parentId === null
      ? undefined
      : parentChoices(root, unit, (p) => p === unit.parentId || canChangeUnit(user, { kind: "move", unitId: id, parentId: p }, parents));
  const region = unit.region ? REGIONS[unit.region as keyof typeof REGIONS] : undefined;
  return (
    <>
      <section className="card" aria-labelledby="unit-h" data-testid="unit-details">
        {ancestors.length > 0 && (
          <nav aria-label={t("units.crumbs")}>
            <ol className="units-crumbs">
              {ancestors.map((a) => (
                <li key={a.id}>{parents.has(a.id) ? <Link href={`/units?id=${encodeURIComponent(a.id)}`}>{a.name}</Link> : a.name}</li>
              ))}
            </ol>
          </nav>
        )}
        <h2 id="unit-h">{unit.name}</h2>
        <dl className="unit-facts">
          <dt>{t("units.field.id")}</dt>
          <dd>
            <code>{unit.id}</code>
          </dd>
          <dt>{t("units.field.level")}</dt>
          <dd>{localName(UNIT_LEVEL_LABELS[unit.level], lang)}</dd>
          <dt>{t("units.field.region")}</dt>
          <dd>{unit.region ? `${unit.region}${region ? ` · ${localName(region, lang)}` : ""}` : t("units.none")}</dd>
          {unit.level === "commune" && (
            <>
              <dt>{t("units.field.communeGroup")}</dt>
              <dd>{unit.communeGroup ? t("units.group", { n: unit.communeGroup }) : t("units.none")}</dd>
            </>
          )}
          <dt>{t("units.field.flags")}</dt>
          <dd>{unit.flags.length ? unit.flags.map((f) => t(`units.flag.${f}`, { defaultValue: f })).join(", ") : t("units.none")}</dd>
          {unit.effectiveFrom && (
            <>
              <dt>{t("units.field.effectiveFrom")}</dt>
              <dd data-testid="unit-effective-from">{formatDate(unit.effectiveFrom, lang)}</dd>
            </>
          )}
          {unit.mergedFrom.length > 0 && (
            <>
              <dt>{t("units.field.mergedFrom")}</dt>
              <dd data-testid="unit-merged-from">
                {t("units.mergedFrom", {
                  names: unit.mergedFrom.map((m) => findNode(root, m)?.name ?? m).join(", "),
                  date: unit.effectiveFrom ? formatDate(unit.effectiveFrom, lang) : t("units.none"),
                })}
              </dd>
            </>
          )}
          {unit.endedOn && (
            <>
              <dt>{t("units.field.endedOn")}</dt>
              <dd data-testid="unit-ended-on">{t("units.endedOn", { date: formatDate(unit.endedOn, lang) })}</dd>
            </>
          )}
          <dt>{t("units.field.sort")}</dt>
          <dd>{unit.sort}</dd>
          <dt>{t("units.field.children")}</dt>
          <dd>{node.children.length}</dd>
          <dt>{t("units.field.version")}</dt>
          <dd>{unit.version}</dd>
        </dl>
        {unit.level === "commune" && (
          <p className="small">
            <Link href={`/communes/${encodeURIComponent(unit.id)}`}>{t("entry.viewCommune")}</Link>
          </p>
        )}
      </section>
      {may.update && (
        <EditUnitForm
          key={`edit-${id}`}
          record={unit}
          etag={etag}
          tree={root}
          parentOptions={parentOptions && parentOptions.length > 1 ? parentOptions : undefined}
          onNotice={onNotice}
        />
      )}
      {may.create && <AddUnitForm key={`add-${id}`} parent={node} tree={root} onNotice={onNotice} onCreated={(newId) => onGo(newId)} />}
      {may.remove && (
        <DeleteUnit
          key={`del-${id}`}
          node={node}
          record={unit}
          etag={etag}
          onNotice={onNotice}
          onDeleted={(parentId) => onGo(parentId)}
          onReload={() => void rec.refetch()}
        />
      )}
    </>
  );
}
