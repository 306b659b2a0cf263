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

/** Resources mobilised in the period: money in whole đồng by source, land and labour as quantities. */
export interface ResourceTotals {
  lines: ResourceLine[];
  /** The total money; when omitted it is the sum of the lines. */
  total?: bigint;
  /** Land donated in the period, in m² (hiến đất); the line is printed when given. */
  landM2?: bigint;
  /** Labour contributed in the period, in working days (ngày công); the line is printed when given. */
  labourDays?: bigint;
  /**
   * How the figures were counted, printed after them: for example that amounts recorded for a whole
   * year are not split into its half-years, with the amount left out.
   */
  notes?: string[];
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

/** A proposal to commend or criticise a body or a person, with its reason. */
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
  /**
   * The document's symbol without "Số": "125-BC/HU" (party) or "125/BC-UBND" (state). A symbol without
   * its number ("-BC/HU", "/BC-UBND") or an empty one prints a visible blank to fill in by hand:
   * "Số      -BC/HU".
   */
  number?: string;
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
  /**
   * How many tasks the plan has. When given, the report says "Kế hoạch có N nhiệm vụ"; otherwise it
   * speaks only of the tasks reported on (an input file is not the plan).
   */
  planTaskCount?: number;
  communes: CommuneStandingRow[];
  /**
   * The earlier period the communes are compared with ("2024", "2024S2"); when absent there is nothing
   * to compare with and the table has no "changes" column.
   */
  previousPeriod?: string;
  recognised: RecognitionEvent[];
  revoked: RecognitionEvent[];
  ocop: OcopTotals;
  resources: ResourceTotals;
  lateReports: LateReport[];
  commendations: Proposal[];
  criticisms: Proposal[];
  /** II. Hạn chế, khuyết điểm: written by the office; a visible placeholder when empty. */
  shortcomings?: string[];
  /** II. Nguyên nhân (of the shortcomings): written by the office; a visible placeholder when empty. */
  causes?: string[];
  /** III. Phương hướng, nhiệm vụ thời gian tới: written by the office; a visible placeholder when empty. */
  directions?: string[];
  /** @deprecated Use {@link ProgressReportInput.directions}; read when `directions` is absent. */
  nextTasks?: string[];
  /** IV. Kiến nghị, đề xuất (besides commendation and criticism): written by the office. */
  recommendations?: string[];
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
  /** The count of criteria met (a commune's; or its communes' for an organisation), in its own column "Số tiêu chí đạt". */
  criteriaMet?: number;
  /** Why the subject ended in its class (core's `classification.final`, ties): a column "Căn cứ xếp loại". */
  explanation?: (string | Reason)[];
}

/** A subject proposed for commendation or criticism, with its reasons. */
export interface RankingCandidateRow {
  name: string;
  rank: number;
  reasons: (string | Reason)[];
}

/**
 * One scoring input entered by hand, with the evidence behind it (số liệu nhập tay và nguồn minh
 * chứng), as the ranking's documents list them.
 */
export interface RankingEnteredInput {
  /** The unit it was entered for: "Xã Đại Minh". */
  unitName: string;
  /** The input's name in Vietnamese: "Số báo cáo đúng hạn". */
  field: string;
  /** The value as an officer reads it: "3", "5.000.000.000 đ". */
  value: string;
  /** The evidence note (nguồn minh chứng); absent when none was given. */
  evidence?: string;
  /** Who entered it (người nhập). */
  by?: string;
  /** The day it was entered, yyyy-mm-dd (printed dd/mm/yyyy). */
  date?: IsoDate;
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
  /** The heading of the subject column; default "Đơn vị" ("Tổ chức", "Cá nhân" for those kinds). */
  subjectLabel?: string;
  /** Proposals for commendation and criticism: a second sheet "Đề nghị khen thưởng, phê bình" when given. */
  candidates?: { commendations: RankingCandidateRow[]; criticisms: RankingCandidateRow[] };
  /** The order and classification rules applied (core's ranking reasons), printed under the table. */
  notes?: (string | Reason)[];
  /** True when the scoring rules are an example, not an adopted rule: the sheet says so. */
  example?: boolean;
  notice?: string;
  /**
   * The scoring inputs entered by hand and their evidence: a sheet "Số liệu nhập tay" (and the DOCX's
   * annex) when given; an empty list says that nothing was entered by hand.
   */
  entered?: RankingEnteredInput[];
}

/** One commune's criteria sheet (phiếu đánh giá) as a PDF. */
export interface CriteriaSheetInput {
  unitName: string;
  /** The commune's district or province line, such as "Huyện Đại Lộc, tỉnh Quảng Nam". */
  parentName?: string;
  pack: CriteriaPack;
  result: EvaluationResult;
  /** The date the sheet is issued (printed in the footer and the date line); omitted when not given. */
  issuedOn?: IsoDate;
  /** The place in the date line above the signatures: "Đại Hồng". A blank line to fill in when omitted. */
  place?: string;
  /**
   * The signature block, left to right. Default: the person who filled the sheet ("NGƯỜI LẬP PHIẾU")
   * and the commune People's Committee ("TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH"), names left blank to sign.
   */
  signers?: SheetSigner[];
}

/** One column of a signature block: who signs, on whose behalf, and the name once known. */
export interface SheetSigner {
  /** "TM. ỦY BAN NHÂN DÂN"; omitted for a person signing for themselves. */
  onBehalfOf?: string;
  /** "CHỦ TỊCH", "NGƯỜI LẬP PHIẾU". */
  title: string;
  /** The signer's name; "(Ký, ghi rõ họ tên)" is printed above it either way. */
  name?: string;
}

/**
 * The annual classification report of one subject kind (báo cáo kết quả đánh giá, xếp loại): the ranking
 * workbook's content (rows, rules, proposals) with the heading and signature of a filed document.
 */
export interface ClassificationReportInput extends RankingWorkbookInput {
  /** Who is classified: communes ("unit"), organisations or persons. */
  kind: "unit" | "organisation" | "person";
  format: DocumentFormat;
  issuer: Issuer;
  /** The symbol without "Số" ("12-BC/HU"); without a number a blank is printed: "Số      -BC/HU". */
  number?: string;
  place: string;
  date: IsoDate;
  signer: Signer;
  recipients: string[];
}
