import type { CriteriaPack, CriterionStatus, EvaluationResult, IsoDate, Reason, Tier } from "@ntm/core";

/**
 * Which administrative format a document follows:
 * - `party`: a Party committee's document (Hướng dẫn 36-HD/VPTW), "ĐẢNG CỘNG SẢN VIỆT NAM" on the right;
 * - `state`: a state body's document (Nghị định 30/2020/NĐ-CP), the national motto on the right.
 */
export type DocumentFormat = "party" | "state";

/** The body that issues the document, written in capitals as on the document itself. */
export interface Issuer {
  /** The line above: "ĐẢNG BỘ TỈNH QUẢNG NAM" (party) or "UBND TỈNH QUẢNG NAM" (state); may be empty. */
  parent: string;
  /** The issuing body: "HUYỆN ỦY ĐẠI LỘC" (party) or "UBND HUYỆN ĐẠI LỘC" (state). */
  name: string;
}

/** The signer: "T/M BAN THƯỜNG VỤ" / "BÍ THƯ" / name (party) or "TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH" / name (state). */
export interface Signer {
  onBehalfOf: string;
  title: string;
  name: string;
}

/** Progress of one task of the plan. */
export type TaskStatus = "done" | "in_progress" | "not_started" | "overdue";

/** One task of the plan and what its assignee reported for the period. */
export interface TaskProgress {
  /** The task's number in the plan, such as "II.3". */
  code: string;
  title: string;
  /** The body in charge: "UBND huyện", "Ban Tuyên giáo Huyện ủy". */
  assignee: string;
  /** What was done, in the assignee's words (Vietnamese). */
  result: string;
  status: TaskStatus;
}

/** One commune's criteria standing at the end of the period, with changes since the previous period. */
export interface CommuneStandingRow {
  id: string;
  name: string;
  /** The tier of the pack the commune was evaluated against. */
  tier: Tier;
  status: CriterionStatus;
  criteriaMet: number;
  criteriaTotal: number;
  /** Criterion ids met now and not met before. */
  gained: string[];
  /** Criterion ids met before and not met now. */
  lost: string[];
}

/** A commune recognised as meeting a tier in the period, or whose recognition was revoked. */
export interface RecognitionEvent {
  unitName: string;
  tier: Tier;
  /** The decision, such as "Quyết định số 1234/QĐ-UBND ngày 20/5/2025 của UBND tỉnh". */
  decision?: string;
  /** Why (for a revocation): free text or reasons rendered with formatReason. */
  reasons?: (string | Reason)[];
}

/** OCOP products of the district (sản phẩm OCOP). */
export interface OcopTotals {
  /** Every product with a valid certificate at the end of the period. */
  total: number;
  /** Products by star rating (3, 4, 5). */
  byStar: Partial<Record<3 | 4 | 5, number>>;
  /** Products newly certified in the period. */
  newInPeriod: number;
}

/** One source of resources mobilised (nguồn lực huy động), in whole đồng. */
export interface ResourceLine {
  /** "Ngân sách trung ương", "Ngân sách tỉnh", "Nhân dân đóng góp"… */
  label: string;
  amount: bigint;
}

/** Resources mobilised in the period, in whole đồng. */
export interface ResourceTotals {
  lines: ResourceLine[];
  /** The total; when omitted it is the sum of the lines. */
  total?: bigint;
}

/** A report that arrived late or not at all. */
export interface LateReport {
  /** Who owed it: "UBND xã Đại Hồng". */
  reporter: string;
  /** What was owed: "Báo cáo 6 tháng đầu năm 2025". */
  report: string;
  dueDate: IsoDate;
  /** When it arrived; null when it has not. */
  submittedDate: IsoDate | null;
}

/** A proposal to commend or criticise a body or a person. */
export interface Proposal {
  subject: string;
  reason: string;
}

/**
 * Everything the periodic progress report of the plan shows. Plain data: the API or the CLI
 * assembles it from the database and core's analyses (see {@link communeStandingFromEvaluation}).
 */
export interface ProgressReportInput {
  format: DocumentFormat;
  issuer: Issuer;
  /** The document's symbol without "Số": "125-BC/HU" (party) or "125/BC-UBND" (state). */
  number: string;
  /** What the report covers, in sentences such as "Toàn huyện có …": "huyện" (default), "xã", "tỉnh". */
  areaLabel?: string;
  /** The place in the date line: "Đại Lộc". */
  place: string;
  date: IsoDate;
  /** The period reported on, as a core period string: "2025S1" (first half) or "2025" (year). */
  period: string;
  /** The line under "BÁO CÁO": "Kết quả thực hiện Kế hoạch số 120-KH/HU …". The period is appended. */
  title: string;
  /** Optional opening paragraphs (căn cứ, bối cảnh). */
  introduction?: string[];
  /** Notices printed in italics under the title, such as "Số liệu minh họa, không phải quy định pháp luật." */
  notices?: string[];
  tasks: TaskProgress[];
  communes: CommuneStandingRow[];
  recognised: RecognitionEvent[];
  revoked: RecognitionEvent[];
  ocop: OcopTotals;
  resources: ResourceTotals;
  lateReports: LateReport[];
  commendations: Proposal[];
  criticisms: Proposal[];
  /** Priorities for the next period (III. Nhiệm vụ trọng tâm thời gian tới); section omitted when empty. */
  nextTasks?: string[];
  /** "Nơi nhận": one line each, without the leading dash. */
  recipients: string[];
  signer: Signer;
}

/** One commune's evaluation in a year, as one row of the criteria table. */
export interface CriteriaTableRow {
  unitName: string;
  result: EvaluationResult;
}

/** One sheet of the criteria table: the pack applied in that year and every commune's evaluation. */
export interface CriteriaTableYear {
  year: number;
  pack: CriteriaPack;
  rows: CriteriaTableRow[];
  /**
   * Communes of the unit left out of this sheet, with why (e.g. "Chưa áp dụng bộ tiêu chí cho năm
   * 2026"): listed in the notice line, never counted as not met.
   */
  omitted?: { unitName: string; reason: string }[];
}

/** The criteria table workbook (communes × criteria, one sheet per year). */
export interface CriteriaWorkbookInput {
  /** The unit the table covers: "Huyện Đại Lộc". */
  unitName: string;
  years: CriteriaTableYear[];
}

/** One ranking component shown as a column (heading in Vietnamese). */
export interface RankingComponent {
  key: string;
  label: string;
}

/** One unit's line of the annual ranking. */
export interface RankingRow {
  rank: number;
  unitName: string;
  score: number;
  /** Component scores by component key. */
  components: Record<string, number>;
  /** The classification, such as "Hoàn thành xuất sắc nhiệm vụ". */
  level: string;
  /** Caps applied (a level lowered by a rule): text or reasons. */
  caps: (string | Reason)[];
  /** Moves caused by quotas (tỷ lệ khống chế): text or reasons. */
  quotaMoves: (string | Reason)[];
}

/** The annual ranking workbook. */
export interface RankingWorkbookInput {
  /** "Huyện Đại Lộc". */
  unitName: string;
  year: number;
  /** The sheet's heading; default "BẢNG XẾP HẠNG KẾT QUẢ THỰC HIỆN NÔNG THÔN MỚI". */
  title?: string;
  components: RankingComponent[];
  rows: RankingRow[];
  /** True when the scoring rules are an example, not an adopted rule: the sheet says so. */
  example?: boolean;
  notice?: string;
}

/** One commune's criteria sheet (phiếu đánh giá) as a PDF. */
export interface CriteriaSheetInput {
  unitName: string;
  /** The commune's district or province line, such as "Huyện Đại Lộc, tỉnh Quảng Nam". */
  parentName?: string;
  pack: CriteriaPack;
  result: EvaluationResult;
  /** The date the sheet is issued (printed in the footer); omitted when not given. */
  issuedOn?: IsoDate;
}
