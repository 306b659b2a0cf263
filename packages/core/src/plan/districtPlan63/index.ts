import type { LocalizedText } from "../../schemas/common.js";
import type { DeadlineRule, Plan, PlanAssignee, PlanTask, ReportCadence, ReportingDuty } from "../schemas.js";

/**
 * The reporting schedule used for the district plan's duties. The plan's text only says "định kỳ
 * báo cáo" (report periodically) and gives no cadence or deadline, so these are the software's
 * DEFAULT configuration, not law and not the plan's text: a half-year review report (sơ kết 6
 * tháng) and a year report (tổng kết năm), each due on the 15th of the following month (moved to
 * the next working day if that is a day off). Change them with {@link districtPlan63Duties}.
 */
export interface ReportingSchedule {
  halfYear: { cadence: ReportCadence; only?: number[]; deadline: DeadlineRule } | null;
  year: { cadence: ReportCadence; deadline: DeadlineRule } | null;
}

/** The default schedule (labelled default, see {@link ReportingSchedule}). */
export const DEFAULT_PLAN_REPORTING_SCHEDULE: ReportingSchedule = {
  halfYear: { cadence: "half-yearly", only: [1], deadline: { kind: "day_of_following_month", day: 15, rollToWorkingDay: true } },
  year: { cadence: "yearly", deadline: { kind: "day_of_following_month", day: 15, rollToWorkingDay: true } },
};

const PLAN_END = "2025-12-31";

const A = {
  standingBoard: "btv-huyen-uy",
  partyOrgs: "cap-uy-to-chuc-dang",
  governments: "chinh-quyen-cac-cap",
  districtPC: "ubnd-huyen",
  propaganda: "ban-tuyen-giao-huyen-uy",
  front: "ubmttq-huyen",
  socioPolitical: "to-chuc-ctxh-huyen",
  inspection: "ubkt-huyen-uy",
  steering: "ban-chi-dao-cac-cap",
  steeringMembers: "thanh-vien-ban-chi-dao",
} as const;

const assignees: PlanAssignee[] = [
  {
    id: A.standingBoard,
    kind: "party_standing_board",
    name: { vi: "Ban Thường vụ Huyện ủy", en: "District Party Committee's Standing Board" },
  },
  { id: A.partyOrgs, kind: "other", name: { vi: "Các cấp ủy, tổ chức Đảng", en: "Party committees and Party organisations" } },
  { id: A.governments, kind: "other", name: { vi: "Chính quyền các cấp", en: "Governments at all levels" } },
  { id: A.districtPC, kind: "peoples_committee", name: { vi: "Ủy ban nhân dân huyện", en: "District People's Committee" } },
  { id: A.propaganda, kind: "propaganda_board", name: { vi: "Ban Tuyên giáo Huyện ủy", en: "District Party Propaganda Board" } },
  {
    id: A.front,
    kind: "fatherland_front",
    name: { vi: "Ủy ban Mặt trận Tổ quốc Việt Nam huyện", en: "District Vietnam Fatherland Front Committee" },
  },
  {
    id: A.socioPolitical,
    kind: "socio_political_org",
    name: { vi: "Các tổ chức chính trị - xã hội huyện", en: "District socio-political organisations" },
  },
  { id: A.inspection, kind: "inspection_committee", name: { vi: "Ủy ban Kiểm tra Huyện ủy", en: "District Party Inspection Committee" } },
  {
    id: A.steering,
    kind: "steering_committee",
    name: { vi: "Ban Chỉ đạo và bộ máy giúp việc Ban Chỉ đạo các cấp", en: "Steering committees at all levels and their support staff" },
  },
  // The plan assigns members to localities without naming them: fill supportsUnitIds per member.
  {
    id: A.steeringMembers,
    kind: "steering_member",
    name: {
      vi: "Thành viên Ban Chỉ đạo được phân công phụ trách địa phương",
      en: "Steering committee members assigned to support localities",
    },
  },
];

const PACK = "vn.commune-ntm.2021-2025";

const tasks: PlanTask[] = [
  {
    code: "II.1",
    title: {
      vi: "Tuyên truyền, quán triệt; kiểm tra, giám sát; đưa kết quả xây dựng nông thôn mới vào đánh giá, phân loại hằng năm",
      en: "Propaganda and dissemination; inspection and supervision; NTM results in the annual evaluation and classification",
    },
    body: "Tiếp tục đẩy mạnh tuyên truyền, quán triệt Nghị quyết số 16-NQ/TU, Chỉ thị số 63-CT/TU, Nghị quyết số 07-NQ/HU và các chủ trương, chính sách, pháp luật về xây dựng nông thôn mới; đổi mới nội dung, phương thức tuyên truyền ở cơ sở để hiểu đúng mục đích, ý nghĩa và vai trò chủ thể của người dân. Tăng cường trách nhiệm của cả hệ thống chính trị và người đứng đầu; xác định xây dựng nông thôn mới là nhiệm vụ chính trị quan trọng, thường xuyên, lâu dài. Tăng cường kiểm tra, giám sát, đôn đốc, phối hợp tháo gỡ khó khăn, vướng mắc; xem kết quả xây dựng nông thôn mới là một trong các tiêu chí để đánh giá, phân loại hằng năm.",
    lead: [A.partyOrgs, A.governments],
    coordinating: [A.propaganda, A.inspection],
    assigneeBasis: "inferred",
    deliverables: [
      {
        vi: "Kết quả xây dựng nông thôn mới là một tiêu chí đánh giá, phân loại hằng năm",
        en: "NTM results counted among the criteria of the annual evaluation and classification",
      },
    ],
    links: { packId: PACK, criteria: [], indicators: [], targets: ["propaganda", "inspection_supervision", "annual_evaluation"] },
    reportingCadence: null,
  },
  {
    code: "II.2",
    title: {
      vi: "Xây dựng nông thôn mới theo chiều sâu, bền vững: duy trì, nâng cao chất lượng tiêu chí; quy hoạch; xóa nhà tạm, nhà dột nát",
      en: "In-depth, sustainable NTM: maintain and raise the criteria; planning; eliminating temporary and dilapidated houses",
    },
    body: "Đổi mới tư duy, cách làm xây dựng nông thôn mới theo chiều sâu, thực chất, hiệu quả, bền vững; không chỉ đầu tư hạ tầng mà kết hợp hài hòa phát triển sản xuất, tạo sinh kế và văn hóa - xã hội. Rà soát các tiêu chí, xây dựng kế hoạch duy trì, giữ vững, nâng cao chất lượng tiêu chí, đặc biệt các tiêu chí thu nhập, nghèo đa chiều, tổ chức sản xuất, môi trường, an ninh trật tự. Đẩy nhanh, hoàn thành lập, điều chỉnh quy hoạch vùng huyện, quy hoạch chung và quy hoạch chi tiết xã. Lồng ghép các chương trình mục tiêu quốc gia khác và chương trình xóa nhà tạm, nhà dột nát trên địa bàn huyện.",
    lead: [A.districtPC],
    coordinating: [A.governments],
    assigneeBasis: "inferred",
    deliverables: [
      {
        vi: "Kế hoạch duy trì, giữ vững, nâng cao chất lượng tiêu chí",
        en: "A plan to maintain, hold and raise the quality of the criteria",
      },
      {
        vi: "Quy hoạch vùng huyện, quy hoạch chung và quy hoạch chi tiết xã được lập, điều chỉnh",
        en: "District regional planning, commune general and detailed plans drawn up or adjusted",
      },
    ],
    // Criterion 9 (Nhà ở dân cư) with its indicator 9.1: the task names the removal of temporary houses.
    links: {
      packId: PACK,
      criteria: ["1", "9", "10", "11", "13", "17", "19"],
      indicators: ["9.1"],
      targets: ["criteria_maintenance", "planning", "programme_integration", "housing_elimination"],
    },
    reportingCadence: null,
  },
  {
    code: "II.3",
    title: {
      vi: "Kiện toàn Ban Chỉ đạo; phân công thành viên phụ trách địa phương; thẩm tra, thẩm định, công nhận thực chất",
      en: "Steering committees: consolidate, assign members to localities; rigorous appraisal, verification and recognition",
    },
    body: "Rà soát, kiện toàn, nâng cao hiệu quả, chất lượng hoạt động của Ban Chỉ đạo và bộ máy giúp việc Ban Chỉ đạo các cấp theo hướng chuyên nghiệp, hiệu quả; phân công cụ thể thành viên phụ trách hỗ trợ, giúp đỡ các địa phương thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới. Thực hiện nghiêm việc thẩm tra, thẩm định, xét công nhận thôn, xã đạt chuẩn, bảo đảm chất lượng, thực chất.",
    lead: [A.steering],
    coordinating: [A.steeringMembers],
    assigneeBasis: "inferred",
    deliverables: [
      {
        vi: "Ban Chỉ đạo và bộ máy giúp việc các cấp được rà soát, kiện toàn",
        en: "Steering committees and their support staff reviewed and consolidated",
      },
      { vi: "Phân công thành viên Ban Chỉ đạo phụ trách từng địa phương", en: "Each locality has an assigned steering committee member" },
    ],
    links: { packId: PACK, criteria: [], indicators: [], targets: ["steering_member_support", "recognition"] },
    reportingCadence: null,
  },
  {
    code: "II.4",
    title: {
      vi: "Phong trào thi đua; biểu dương, khen thưởng điển hình và phê bình, xử lý tập thể, cá nhân thiếu quyết liệt",
      en: "Emulation movements; commending exemplary and criticising or disciplining hesitant organisations and individuals",
    },
    body: "Đổi mới, nâng cao chất lượng tuyên truyền, nâng cao nhận thức cho cán bộ và người dân nông thôn về Chương trình Phát triển nông nghiệp và xây dựng nông thôn mới; nâng cao chất lượng các phong trào thi đua, cuộc vận động “Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh” gắn với phong trào thi đua “Chung sức xây dựng nông thôn mới”; đề cao vai trò chủ thể của người dân và cộng đồng. Kịp thời biểu dương, khen thưởng tổ chức, cá nhân điển hình tiên tiến, có thành tích xuất sắc; phê bình, xử lý nghiêm tập thể, cá nhân thiếu quyết liệt, chần chừ, ngại khó hoặc để xảy ra sai phạm.",
    lead: [A.districtPC],
    coordinating: [A.propaganda, A.front, A.socioPolitical],
    assigneeBasis: "inferred",
    deliverables: [
      { vi: "Đề xuất biểu dương, khen thưởng điển hình tiêu biểu", en: "Proposals to commend exemplary organisations and individuals" },
    ],
    links: { packId: PACK, criteria: [], indicators: [], targets: ["commendation", "criticism"] },
    reportingCadence: null,
  },
  {
    code: "II.5",
    title: {
      vi: "Thực hiện quy chế dân chủ; huy động, lồng ghép nguồn lực; hệ thống cung ứng, kết nối nông sản",
      en: "Grassroots democracy; mobilising and integrating resources; agricultural supply and linkage systems",
    },
    body: "Thực hiện tốt quy chế dân chủ; huy động tối đa nguồn lực, nhất là nguồn lực trong Nhân dân; huy động và lồng ghép các nguồn lực để đầu tư hoàn thiện, nâng cao chất lượng kết cấu hạ tầng kinh tế - xã hội, hạ tầng phục vụ sản xuất, dân sinh, bảo đảm kết nối nông thôn - đô thị và các vùng. Chú trọng đầu tư hình thành, phát triển hệ thống cung ứng, kết nối nông sản hiện đại trên địa bàn huyện.",
    lead: [A.districtPC, A.governments],
    coordinating: [A.front, A.socioPolitical],
    assigneeBasis: "inferred",
    deliverables: [],
    // "Kết cấu hạ tầng kinh tế - xã hội" is group II of the national commune set: criteria 2–9.
    links: {
      packId: PACK,
      criteria: ["2", "3", "4", "5", "6", "7", "8", "9"],
      indicators: [],
      targets: ["resource_mobilisation", "agri_supply_chain"],
    },
    reportingCadence: null,
  },
  {
    code: "II.6",
    title: {
      vi: "Cơ cấu lại nông nghiệp, phát triển kinh tế nông thôn, hợp tác xã và Chương trình OCOP",
      en: "Agricultural restructuring, rural economy, cooperatives and the OCOP programme",
    },
    body: "Đẩy mạnh phát triển sản xuất theo hướng cơ cấu lại ngành nông nghiệp, phát triển kinh tế nông thôn gắn với đô thị hóa, bền vững; đẩy mạnh ứng dụng tiến bộ khoa học - kỹ thuật, nhân rộng các mô hình sản xuất nông nghiệp hiệu quả; nâng cao chất lượng đào tạo nghề cho lao động nông thôn; phát triển kinh tế tập thể, hợp tác xã; triển khai đồng bộ, hiệu quả Chương trình OCOP, phấn đấu mỗi xã có nhiều sản phẩm OCOP.",
    lead: [A.districtPC],
    coordinating: [A.governments],
    assigneeBasis: "inferred",
    deliverables: [{ vi: "Mỗi xã có nhiều sản phẩm OCOP", en: "Each commune has many OCOP products" }],
    // 12 Lao động (vocational training of rural workers) and 13 Tổ chức sản xuất (cooperatives, OCOP).
    links: { packId: PACK, criteria: ["12", "13"], indicators: [], targets: ["ocop_per_commune", "vocational_training", "cooperatives"] },
    reportingCadence: null,
  },
  {
    code: "II.7",
    title: {
      vi: "Hệ thống chính trị trong sạch, vững mạnh; quốc phòng - an ninh, trật tự an toàn xã hội ở nông thôn",
      en: "A clean, strong political system; defence, security and public order in rural areas",
    },
    body: "Tập trung xây dựng hệ thống chính trị trong sạch, vững mạnh, bảo đảm lãnh đạo, chỉ đạo thực hiện xuyên suốt, hiệu quả các mục tiêu, chỉ tiêu xây dựng nông thôn mới. Phát huy vai trò tự phòng, tự quản, tự bảo vệ, tự hòa giải trong nhân dân; tham gia phòng ngừa, đấu tranh, ngăn chặn, đẩy lùi tội phạm, tệ nạn xã hội; bảo đảm quốc phòng - an ninh, an ninh chính trị, trật tự an toàn xã hội trên địa bàn nông thôn.",
    lead: [A.partyOrgs, A.governments],
    coordinating: [A.front, A.socioPolitical],
    assigneeBasis: "inferred",
    deliverables: [],
    links: { packId: PACK, criteria: ["18", "19"], indicators: [], targets: ["security_order"] },
    reportingCadence: null,
  },
  {
    code: "II.8",
    title: {
      vi: "Mặt trận và các tổ chức chính trị - xã hội vận động, giám sát, phản biện",
      en: "The Fatherland Front and socio-political organisations: mobilisation, supervision and social critique",
    },
    body: "Mặt trận và các tổ chức chính trị - xã hội tuyên truyền, vận động đoàn viên, hội viên và nhân dân thực hiện các chỉ thị, nghị quyết của Đảng, chính sách, pháp luật của Nhà nước về xây dựng nông thôn mới, nâng cao nhận thức về vai trò chủ thể của người dân, để người dân tích cực, tự giác tham gia các mô hình dân vận khéo, đóng góp trí tuệ, nguồn lực, vật lực. Đồng thời tham gia giám sát, phản biện việc thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới trên địa bàn huyện.",
    lead: [A.front, A.socioPolitical],
    coordinating: [],
    assigneeBasis: "stated",
    deliverables: [],
    links: { packId: PACK, criteria: [], indicators: [], targets: ["propaganda", "supervision"] },
    reportingCadence: null,
  },
];

const DEFAULT_NOTE: LocalizedText = {
  vi: "Kỳ báo cáo và thời hạn là cấu hình mặc định của phần mềm; văn bản chỉ ghi “định kỳ báo cáo”.",
  en: "Cadence and deadline are the software's default configuration; the plan's text only says “report periodically”.",
};
const NO_DUTY_NOTE: LocalizedText = {
  vi: "Văn bản không giao nhiệm vụ báo cáo riêng cho mục này; đây là nhiệm vụ báo cáo mặc định của phần mềm, có thể bỏ.",
  en: "The plan's text gives this assignment no reporting duty of its own; this is the software's default duty and may be removed.",
};

/**
 * The reporting duties of the district plan under a reporting schedule (default:
 * {@link DEFAULT_PLAN_REPORTING_SCHEDULE}). III.1 and III.2 state a periodic report to the district
 * Standing Board (cadence and deadline are defaults); III.3 and III.5 state none, so their yearly
 * duties are defaults in full (`defaults` includes "duty"). III.4's bodies report under III.1.
 * @example
 * districtPlan63Duties().map((d) => d.id)
 * // ["III.1-half-year", "III.1-year", "III.2-half-year", "III.2-year", "III.3-year", "III.5-year"]
 * districtPlan63Duties({ halfYear: null, year: { cadence: "yearly", deadline: { kind: "working_days_after_period_end", days: 10 } } })
 */
export function districtPlan63Duties(schedule: ReportingSchedule = DEFAULT_PLAN_REPORTING_SCHEDULE): ReportingDuty[] {
  const out: ReportingDuty[] = [];
  const add = (ref: string, who: string[], title: LocalizedText, stated: boolean, yearOnly: boolean) => {
    const basis = { ref, stated, note: stated ? DEFAULT_NOTE : NO_DUTY_NOTE };
    const defaults: ReportingDuty["defaults"] = stated ? ["cadence", "deadline"] : ["duty", "cadence", "deadline"];
    const common = { assigneeIds: who, to: A.standingBoard, basis, defaults, activeUntil: PLAN_END };
    if (schedule.halfYear && !yearOnly) {
      const h = schedule.halfYear;
      out.push({
        id: `${ref}-half-year`,
        title: { vi: `${title.vi} (sơ kết 6 tháng)`, en: `${title.en} (half-year review)` },
        cadence: h.cadence,
        deadline: h.deadline,
        ...(h.only ? { only: h.only } : {}),
        ...common,
      });
    }
    if (schedule.year) {
      out.push({
        id: `${ref}-year`,
        title: { vi: `${title.vi} (tổng kết năm)`, en: `${title.en} (year report)` },
        cadence: schedule.year.cadence,
        deadline: schedule.year.deadline,
        ...common,
      });
    }
  };
  add(
    "III.1",
    [A.partyOrgs, A.governments, A.front, A.socioPolitical],
    { vi: "Báo cáo kết quả thực hiện Kế hoạch", en: "Report on implementing the plan" },
    true,
    false,
  );
  add(
    "III.2",
    [A.districtPC],
    { vi: "Báo cáo kết quả thực hiện Kế hoạch của Ban Thường vụ Huyện ủy", en: "Report on implementing the Standing Board's plan" },
    true,
    false,
  );
  add(
    "III.3",
    [A.propaganda],
    { vi: "Báo cáo công tác định hướng thông tin, tuyên truyền", en: "Report on information and propaganda guidance" },
    false,
    true,
  );
  add(
    "III.5",
    [A.inspection],
    { vi: "Báo cáo kết quả kiểm tra, giám sát việc thực hiện Kế hoạch", en: "Report on inspecting and supervising the plan" },
    false,
    true,
  );
  return out;
}

const duties = districtPlan63Duties();
const dutyIds = (ref: string) => duties.filter((d) => d.basis.ref === ref).map((d) => d.id);

/**
 * The district plan the project models (docs: /work/shared/domain/000_a4ed769a8ef47ae9.txt): the
 * Standing Board of a district Party committee (Ban Thường vụ Huyện ủy) carrying out Chỉ thị
 * 63-CT/TU of 27/12/2024. Its own number and date are not in the text and stay null. Reporting
 * cadences and deadlines are default configuration (see {@link DEFAULT_PLAN_REPORTING_SCHEDULE}).
 */
export const DISTRICT_PLAN_63: Plan = {
  id: "district-plan-63-ct-tu",
  number: null,
  date: null,
  title: {
    vi: "Kế hoạch thực hiện Chỉ thị 63-CT/TU ngày 27/12/2024 của Ban Thường vụ Tỉnh ủy về việc tập trung đẩy nhanh tiến độ, nâng cao chất lượng và hoàn thành nhiệm vụ xây dựng nông thôn mới, giai đoạn 2021-2025",
    en: "Plan implementing Directive 63-CT/TU of 27/12/2024 of the Provincial Party Standing Board on speeding up, raising the quality of and completing New Rural Development, 2021–2025",
  },
  issuer: { assigneeId: A.standingBoard, name: { vi: "Ban Thường vụ Huyện ủy", en: "District Party Committee's Standing Board" } },
  basis: [
    {
      kind: "directive",
      number: "63-CT/TU",
      date: "2024-12-27",
      relation: "implements",
      issuer: { vi: "Ban Thường vụ Tỉnh ủy", en: "Provincial Party Committee's Standing Board" },
      title: {
        vi: "Về tập trung đẩy nhanh tiến độ, nâng cao chất lượng và hoàn thành nhiệm vụ xây dựng nông thôn mới, giai đoạn 2021-2025",
        en: "On speeding up, raising the quality of and completing New Rural Development, 2021–2025",
      },
    },
    { kind: "resolution", number: "16-NQ/TU", date: null, relation: "cites", issuer: { vi: "Tỉnh ủy", en: "Provincial Party Committee" } },
    {
      kind: "resolution",
      number: "07-NQ/HU",
      date: "2021-07-22",
      relation: "cites",
      issuer: { vi: "Ban Chấp hành Đảng bộ huyện khóa XII", en: "District Party Executive Committee, 12th term" },
      title: {
        vi: "Về nâng cao chất lượng huyện nông thôn mới, giai đoạn 2021 - 2025",
        en: "On raising the quality of the new-rural district, 2021–2025",
      },
    },
  ],
  period: { start: null, end: PLAN_END },
  purposes: [
    {
      code: "I.1",
      text: {
        vi: "Nâng cao nhận thức, trách nhiệm của cấp ủy, tổ chức Đảng, chính quyền, Mặt trận, các tổ chức chính trị - xã hội, cán bộ, đảng viên và Nhân dân về xây dựng nông thôn mới; xác định đây là nhiệm vụ chính trị quan trọng, thường xuyên, “có điểm khởi đầu, không có điểm kết thúc”, huy động sức mạnh tổng hợp của hệ thống chính trị và Nhân dân.",
        en: "Raise the awareness and responsibility of Party committees, governments, the Front, socio-political organisations, officials and the people for NTM, an important and continuous political task that “has a starting point and no end point”, mobilising the whole political system and the people.",
      },
    },
    {
      code: "I.2",
      text: {
        vi: "Tăng cường vai trò, trách nhiệm của cấp ủy, chính quyền các cấp, nhất là người đứng đầu; đổi mới tư duy và hành động để đẩy nhanh tiến độ, nâng cao chất lượng; phấn đấu hoàn thành các mục tiêu đến năm 2025 theo Nghị quyết số 07-NQ/HU.",
        en: "Strengthen the role and responsibility of Party committees and governments, above all their heads; change thinking and action to speed up and raise quality; strive to reach the 2025 targets of Resolution 07-NQ/HU.",
      },
    },
    {
      code: "I.3",
      text: {
        vi: "Các cấp ủy, chính quyền, cơ quan, đơn vị bám sát Chỉ thị số 63-CT/TU, Nghị quyết số 07-NQ/HU và tình hình thực tế để đề ra chỉ tiêu, nhiệm vụ, giải pháp toàn diện, đồng bộ.",
        en: "Party committees, governments, agencies and units follow Directive 63-CT/TU, Resolution 07-NQ/HU and local reality to set comprehensive, consistent targets, tasks and solutions.",
      },
    },
  ],
  tasks,
  assignments: [
    {
      code: "III.1",
      assigneeIds: [A.partyOrgs, A.governments, A.front, A.socioPolitical],
      text: {
        vi: "Quán triệt Chỉ thị của Ban Thường vụ Tỉnh ủy và Kế hoạch của Ban Thường vụ Huyện ủy; cụ thể hóa để triển khai thực hiện; định kỳ báo cáo kết quả về Ban Thường vụ Huyện ủy; đề xuất điều chỉnh kế hoạch phù hợp thực tế.",
        en: "Disseminate the Provincial Standing Board's directive and the District Standing Board's plan; concretise and carry them out; report results periodically to the District Standing Board; propose adjustments to fit reality.",
      },
      dutyIds: dutyIds("III.1"),
    },
    {
      code: "III.2",
      assigneeIds: [A.districtPC],
      text: {
        vi: "Xây dựng kế hoạch thực hiện Kế hoạch của Ban Thường vụ Huyện ủy; phối hợp phát hiện, đề xuất biểu dương điển hình tiêu biểu trong xây dựng nông thôn mới; định kỳ báo cáo kết quả thực hiện.",
        en: "Draw up its own plan to implement the Standing Board's plan; with other bodies, find and propose exemplary models for commendation; report results periodically.",
      },
      dutyIds: dutyIds("III.2"),
    },
    {
      code: "III.3",
      assigneeIds: [A.propaganda],
      text: {
        vi: "Định hướng thông tin, tuyên truyền chủ trương, chính sách về Chương trình mục tiêu quốc gia xây dựng nông thôn mới đến cán bộ, đảng viên, công chức, viên chức và Nhân dân.",
        en: "Guide information and propaganda on the NTM national target programme for officials, Party members, civil servants and the people.",
      },
      dutyIds: dutyIds("III.3"),
    },
    {
      code: "III.4",
      assigneeIds: [A.front, A.socioPolitical],
      text: {
        vi: "Tăng cường tuyên truyền, vận động đoàn viên, hội viên và Nhân dân tạo đồng thuận, tự giác, tích cực thực hiện chủ trương, chính sách về xây dựng nông thôn mới.",
        en: "Step up propaganda and mobilisation of members and the people for consensus and active participation in NTM policies.",
      },
      // The Front and socio-political organisations report under III.1, which names them.
      dutyIds: dutyIds("III.1"),
    },
    {
      code: "III.5",
      assigneeIds: [A.inspection],
      text: {
        vi: "Chủ trì, phối hợp với các cơ quan liên quan kiểm tra, giám sát việc triển khai thực hiện Kế hoạch của Ban Thường vụ Huyện ủy.",
        en: "Lead, with the bodies concerned, the inspection and supervision of the Standing Board's plan.",
      },
      dutyIds: dutyIds("III.5"),
    },
  ],
  assignees,
  reportingDuties: duties,
  recipients: [
    {
      name: { vi: "Thường trực Tỉnh ủy", en: "Provincial Party Committee's Standing Office" },
      note: { vi: "để báo cáo", en: "for report" },
    },
    {
      name: {
        vi: "Đ/c Trần Minh Nam - TVTU, Trưởng BTGTU",
        en: "Comrade Trần Minh Nam, member of the Provincial Standing Board, Head of the Provincial Propaganda Board",
      },
    },
    { name: { vi: "HĐND, UBND huyện", en: "District People's Council and People's Committee" } },
    { name: { vi: "Các Chi bộ, Đảng bộ trực thuộc", en: "Subordinate Party cells and Party committees" } },
    { name: { vi: "Các cơ quan tham mưu, giúp việc Huyện ủy", en: "Advisory and support agencies of the District Party Committee" } },
    { name: { vi: "Trung tâm chính trị huyện", en: "District Political Centre" } },
    { name: { vi: "Mặt trận và các tổ chức chính trị - xã hội huyện", en: "District Fatherland Front and socio-political organisations" } },
    { name: { vi: "Các đồng chí Huyện ủy viên", en: "Members of the District Party Committee" } },
    { name: { vi: "Lưu Văn phòng Huyện ủy", en: "File: District Party Committee Office" } },
  ],
  signer: {
    onBehalfOf: { vi: "T/M Ban Thường vụ", en: "On behalf of the Standing Board" },
    title: { vi: "Bí thư", en: "Secretary" },
    name: "Nguyễn Hữu Tuấn",
  },
};
