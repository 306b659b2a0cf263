import type { Issue, Result } from "../../errors/index.js";
import { type RecordRule, checkRecord } from "../../emulation/_lib/check.js";
import { type SteeringMember, SteeringMemberSchema } from "../schema.js";

/** Options of {@link validateSteeringMember}. */
export interface ValidateSteeringMemberOptions {
  /** The communes under the member's unit; when given, every supported commune must be one of them. */
  communeIds?: readonly string[];
}

const termInOrder: RecordRule<SteeringMember> = (m) =>
  m.termEnd !== undefined && m.termEnd < m.termStart
    ? [
        {
          code: "steering.term_reversed",
          path: ["termEnd"],
          message: `the term ends (${m.termEnd}) before it starts (${m.termStart})`,
          params: { termStart: m.termStart, termEnd: m.termEnd },
        },
      ]
    : [];

const communesOnce: RecordRule<SteeringMember> = (m) => {
  const seen = new Map<string, number>();
  const out: Issue[] = [];
  m.communeUnitIds.forEach((id, i) => {
    const first = seen.get(id);
    if (first !== undefined)
      out.push({
        code: "steering.duplicate_commune",
        path: ["communeUnitIds", i],
        message: `commune "${id}" is listed twice (first at communeUnitIds[${first}])`,
        params: { unitId: id, first },
      });
    else seen.set(id, i);
  });
  return out;
};

const communesUnder =
  (ids: ReadonlySet<string>): RecordRule<SteeringMember> =>
  (m) =>
    m.communeUnitIds.flatMap((id, i): Issue[] =>
      ids.has(id)
        ? []
        : [
            {
              code: "steering.commune_outside_unit",
              path: ["communeUnitIds", i],
              message: `"${id}" is not a commune of unit ${m.unitId}`,
              params: { unitId: id, committeeUnitId: m.unitId },
            },
          ],
    );

/**
 * Validates a steering-committee member (thành viên Ban Chỉ đạo): shape and field checks (names
 * given, a Vietnamese phone number, real calendar dates), the term in order, each commune once and,
 * with `communeIds`, only communes under the committee's unit. All problems at once, each at its path.
 * @example
 * validateSteeringMember({ id: "tv-1", unitId: "d-01", fullName: "Nguyễn Văn An", position: "Phó Chủ tịch UBND huyện",
 *   organisation: "UBND huyện", role: "deputy_head", termStart: "2021-01-01", communeUnitIds: ["c-01-01"] },
 *   { communeIds: ["c-01-01", "c-01-02"] }).ok // true
 */
export function validateSteeringMember(input: unknown, options: ValidateSteeringMemberOptions = {}): Result<SteeringMember> {
  const rules = [termInOrder, communesOnce, ...(options.communeIds ? [communesUnder(new Set(options.communeIds))] : [])];
  return checkRecord(SteeringMemberSchema, rules, input, []);
}
