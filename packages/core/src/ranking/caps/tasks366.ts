import type { CapRule } from "./types.js";

/** 366-QĐ/TW: without task counts the task conditions cannot be checked; this is said, and nothing is capped. */
export const tasksDataPresent366: CapRule = (unit) =>
  unit.tasks
    ? null
    : { maxLevel: "excellent", verified: true, reason: { code: "cap.tasks_unknown", path: ["tasks"], params: { basis: "366-QĐ/TW" } } };

/** 366-QĐ/TW: "xuất sắc" needs 100% of tasks on time and ≥ 30% exceeding requirements. */
export const tasksExceeding366: CapRule = (unit) => {
  const t = unit.tasks;
  // exceeding/assigned >= 30%  <=>  10*exceeding >= 3*assigned (integers: exact)
  if (!t || t.assigned === 0 || 10 * t.exceeding >= 3 * t.assigned) return null;
  return {
    maxLevel: "good",
    verified: true,
    reason: {
      code: "cap.tasks_exceeding_366",
      path: ["tasks", "exceeding"],
      params: { exceeding: t.exceeding, assigned: t.assigned, maxLevel: "good", basis: "366-QĐ/TW" },
    },
  };
};

/** 366-QĐ/TW: "xuất sắc" and "tốt" need 100% of tasks done on time. */
export const tasksOnTime366: CapRule = (unit) => {
  const t = unit.tasks;
  if (!t || t.onTime >= t.assigned) return null;
  return {
    maxLevel: "completed",
    verified: true,
    reason: {
      code: "cap.tasks_on_time_366",
      path: ["tasks", "onTime"],
      params: { onTime: t.onTime, assigned: t.assigned, maxLevel: "completed", basis: "366-QĐ/TW" },
    },
  };
};

/** 366-QĐ/TW: "hoàn thành" needs 100% of tasks done with no more than 20% late (⚠️ exact wording). */
export const tasksDone366: CapRule = (unit) => {
  const t = unit.tasks;
  if (!t) return null;
  const late = t.done - t.onTime;
  // late/assigned <= 20%  <=>  5*late <= assigned
  if (t.done >= t.assigned && 5 * late <= t.assigned) return null;
  return {
    maxLevel: "not_completed",
    verified: false,
    reason: {
      code: "cap.tasks_done_366",
      path: ["tasks"],
      params: { done: t.done, late, assigned: t.assigned, maxLevel: "not_completed", basis: "366-QĐ/TW (⚠️ exact wording)" },
    },
  };
};
