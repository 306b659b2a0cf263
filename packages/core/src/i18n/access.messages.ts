import { ACTION_LABELS, ROLE_LABELS } from "../access/policy.js";
import type { Lang } from "../schemas/common.js";
import type { MessageCatalog } from "./messages.js";

type Labels = Readonly<Record<string, { vi: string; en: string }>>;
const label = (labels: Labels, key: unknown, lang: Lang) => labels[String(key)]?.[lang] ?? String(key);
/** A unit by its name when the refusal carries one, else by its id. */
const unit = (name: unknown, id: unknown) => String(name ?? id ?? "—");

/**
 * Messages for access refusals (403): roles and actions named by core's labels, never by their ids
 * (the ids stay in the reason's params for integrators).
 */
export const accessMessages: MessageCatalog = {
  "access.forbidden": {
    vi: (p, l) =>
      `Vai trò "${label(ROLE_LABELS, p.role, l)}" (phạm vi ${unit(p.scopeName, p.scopeUnitId)}) không được ${label(ACTION_LABELS, p.action, l)} tại ${unit(p.unitName, p.unitId)}`,
    en: (p, l) =>
      `The role "${label(ROLE_LABELS, p.role, l)}" (scope ${unit(p.scopeName, p.scopeUnitId)}) may not ${label(ACTION_LABELS, p.action, l)} at ${unit(p.unitName, p.unitId)}`,
  },
  "access.account_forbidden": {
    vi: (p, l) =>
      `Vai trò "${label(ROLE_LABELS, p.role, l)}" (phạm vi ${unit(p.scopeName, p.scopeUnitId)}) không được quản lý tài khoản này`,
    en: (p, l) => `The role "${label(ROLE_LABELS, p.role, l)}" (scope ${unit(p.scopeName, p.scopeUnitId)}) may not manage this account`,
  },
  "access.plan_read_forbidden": {
    vi: (p, l) =>
      `Vai trò "${label(ROLE_LABELS, p.role, l)}" (phạm vi ${unit(p.scopeName, p.scopeUnitId)}) không được xem kế hoạch của ${unit(p.unitName, p.unitId)}`,
    en: (p, l) =>
      `The role "${label(ROLE_LABELS, p.role, l)}" (scope ${unit(p.scopeName, p.scopeUnitId)}) may not read the plans of ${unit(p.unitName, p.unitId)}`,
  },
};
