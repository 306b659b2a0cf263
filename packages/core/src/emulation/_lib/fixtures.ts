import type { Commendation, Consultation, Discipline, EmulationMovement } from "../schema.js";

/** A commendation with overridable fields. */
export const commendation = (over: Partial<Commendation> = {}): Commendation => ({
  id: "kt-1",
  unitId: "x-01",
  form: "bang_khen",
  level: "province",
  issuer: "Chủ tịch UBND tỉnh",
  decision: { number: "123/QĐ-UBND", date: "2025-05-19" },
  subject: { kind: "unit", id: "x-01", name: "Xã An Bình" },
  achievement: "Hoàn thành xuất sắc xây dựng NTM nâng cao",
  ...over,
});

/** A criticism with overridable fields. */
export const discipline = (over: Partial<Discipline> = {}): Discipline => ({
  id: "kl-1",
  unitId: "x-02",
  form: "criticism",
  level: "district",
  issuer: "Ban Thường vụ Huyện ủy",
  decision: { date: "2025-07-01" },
  subject: { kind: "organisation", id: "ubnd-x-02", name: "UBND xã Phú Hiệp" },
  reason: "Chậm giải ngân vốn xây dựng NTM",
  ...over,
});

/** A movement with overridable fields. */
export const movement = (over: Partial<EmulationMovement> = {}): EmulationMovement => ({
  id: "pt-1",
  unitId: "d-01",
  kind: "movement",
  name: "Chung sức xây dựng nông thôn mới",
  period: { from: "2021-01-01", to: "2025-12-31" },
  participants: [
    { kind: "unit", id: "x-01", name: "Xã An Bình" },
    { kind: "organisation", id: "mttq-d", name: "Ủy ban MTTQ huyện" },
  ],
  pledges: [{ participantId: "x-01", text: "Đạt NTM nâng cao năm 2025", dueDate: "2025-12-31" }],
  ...over,
});

/** A consultation with overridable fields. */
export const consultation = (over: Partial<Consultation> = {}): Consultation => ({
  id: "ld-1",
  communeUnitId: "x-01",
  year: 2025,
  date: "2025-03-02",
  matter: "Lấy ý kiến về kết quả tự đánh giá xã đạt chuẩn NTM nâng cao",
  form: "survey",
  participants: 420,
  satisfaction: { respondents: 400, satisfied: 372 },
  ...over,
});
