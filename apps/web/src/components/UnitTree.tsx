import { Link } from "wouter";
import { useTranslation } from "react-i18next";
import { UNIT_LEVEL_LABELS } from "@ntm/core";
import type { UnitNode } from "../lib/unitTree";
import { localName } from "../lib/text";

interface UnitTreeProps {
  root: UnitNode;
  selectedId: string | undefined;
  /** Units shown open; ignored when `allOpen` (a search shows every match). */
  expanded: ReadonlySet<string>;
  allOpen: boolean;
  onToggle: (id: string) => void;
  onSelect: () => void;
}

/**
 * The administrative tree as nested lists: a button opens or closes a unit's children, the unit's name
 * links to its details (`/units?id=`), the selected unit is marked `aria-current`.
 */
export function UnitTree(props: UnitTreeProps) {
  const { t } = useTranslation();
  return (
    <ul className="unit-tree" aria-label={t("units.treeLabel")} data-testid="unit-tree">
      <UnitBranch node={props.root} {...props} />
    </ul>
  );
}

function UnitBranch({ node, ...p }: UnitTreeProps & { node: UnitNode }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const open = p.allOpen || p.expanded.has(node.id);
  const selected = node.id === p.selectedId;
  return (
    <li data-unit-id={node.id}>
      <div className={`unit-row ${selected ? "selected" : ""}`}>
        {node.children.length > 0 ? (
          <button
            type="button"
            className="unit-twisty"
            aria-expanded={open}
            aria-label={t(open ? "units.collapse" : "units.expand", { name: node.name })}
            disabled={p.allOpen}
            onClick={() => p.onToggle(node.id)}
          >
            <span aria-hidden="true">{open ? "▾" : "▸"}</span>
          </button>
        ) : (
          <span className="unit-twisty" aria-hidden="true" />
        )}
        <Link
          href={`/units?id=${encodeURIComponent(node.id)}`}
          className="unit-link"
          aria-current={selected ? "true" : undefined}
          onClick={p.onSelect}
        >
          {node.name}
        </Link>
        <span className={`unit-level unit-level-${node.level}`}>{localName(UNIT_LEVEL_LABELS[node.level], lang)}</span>
        {node.children.length > 0 && <span className="muted small">({node.children.length})</span>}
      </div>
      {open && node.children.length > 0 && (
        <ul>
          {node.children.map((c) => (
            <UnitBranch key={c.id} node={c} {...p} />
          ))}
        </ul>
      )}
    </li>
  );
}
