import type { Guard } from "./types.js";

/** The actor's role may take this action from this state, for this dossier level (config.roles). */
export const actorRoleAllowed: Guard = ({ dossier, action, from, actor, config }) => {
  const allowed = config.roles[dossier.level][action]?.[from] ?? [];
  const passed = allowed.includes(actor.role);
  return {
    passed,
    reasons: passed
      ? []
      : [{ code: "workflow.role_not_allowed", path: ["actor", "role"], params: { role: actor.role, action, from, allowed: [...allowed] } }],
  };
};
