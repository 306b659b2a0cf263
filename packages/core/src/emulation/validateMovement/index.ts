import type { Issue, Result } from "../../errors/index.js";
import { type RecordRule, checkRecord, checkRows } from "../_lib/check.js";
import { type EmulationMovement, EmulationMovementSchema } from "../schema.js";

const periodInOrder: RecordRule<EmulationMovement> = (m) =>
  m.period.to !== undefined && m.period.to < m.period.from
    ? [
        {
          code: "emulation.period_reversed",
          path: ["period", "to"],
          message: `the period ends (${m.period.to}) before it starts (${m.period.from})`,
          params: { from: m.period.from, to: m.period.to },
        },
      ]
    : [];

const participantsOnce: RecordRule<EmulationMovement> = (m) => {
  const seen = new Map<string, number>();
  const out: Issue[] = [];
  m.participants.forEach((p, i) => {
    const first = seen.get(p.id);
    if (first !== undefined)
      out.push({
        code: "emulation.duplicate_participant",
        path: ["participants", i, "id"],
        message: `participant "${p.id}" appears twice (first at participants[${first}])`,
        params: { id: p.id, first },
      });
    else seen.set(p.id, i);
  });
  return out;
};

const pledgesByParticipants: RecordRule<EmulationMovement> = (m) => {
  const ids = new Set(m.participants.map((p) => p.id));
  return m.pledges.flatMap((p, i): Issue[] =>
    ids.has(p.participantId)
      ? []
      : [
          {
            code: "emulation.pledge_unknown_participant",
            path: ["pledges", i, "participantId"],
            message: `pledge by "${p.participantId}", who is not a participant`,
            params: { participantId: p.participantId },
          },
        ],
  );
};

const RULES = [periodInOrder, participantsOnce, pledgesByParticipants];

/**
 * Validates an emulation movement or campaign (phong trào thi đua, cuộc vận động): shape, the period in
 * order, each participant once, and pledges only by participants.
 * @example
 * validateMovement({ id: "pt-1", unitId: "d-01", kind: "movement", name: "Chung sức xây dựng nông thôn mới",
 *   period: { from: "2021-01-01", to: "2025-12-31" }, participants: [], pledges: [] }).ok // true
 */
export function validateMovement(input: unknown): Result<EmulationMovement> {
  return checkRecord(EmulationMovementSchema, RULES, input, []);
}

/**
 * Validates rows of movements, all or nothing (imports). Paths start with the row.
 * @example
 * validateMovements([m, { ...m }]).ok // false: "emulation.duplicate_record" at [1, "id"]
 */
export function validateMovements(input: unknown): Result<EmulationMovement[]> {
  return checkRows(validateMovement, input);
}
