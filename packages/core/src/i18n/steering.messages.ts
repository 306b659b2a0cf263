import type { Lang } from "../schemas/common.js";
import { formatDate } from "./format.js";
import type { MessageCatalog } from "./messages.js";

const date = (v: unknown, l: Lang) => (typeof v === "string" ? formatDate(v, l) : "—");
const quoted = (v: unknown) => (v === undefined ? "" : `"${String(v)}"`);

/**
 * Messages of the steering-committee reasons (Vietnamese first, English second).
 * @example
 * formatReason({ code: "steering.commune_unsupported", path: ["c-01-02"], params: { commune: "Xã Bình Thuận", asOf: "2025-06-30" } }, "vi")
 * // "Xã Bình Thuận chưa có thành viên Ban Chỉ đạo phụ trách (ngày 30/06/2025)"
 */
export const steeringMessages: MessageCatalog = {
  "steering.commune_unsupported": {
    vi: (p, l) => `${p.commune} chưa có thành viên Ban Chỉ đạo phụ trách (ngày ${date(p.asOf, l)})`,
    en: (p, l) => `${p.commune} has no steering committee member supporting it (on ${date(p.asOf, l)})`,
  },
  "steering.phone_invalid": {
    vi: () => "số điện thoại không hợp lệ (0 hoặc +84 rồi 8–10 chữ số, ví dụ 0912 345 678)",
    en: () => "not a Vietnamese phone number (0 or +84 then 8–10 digits)",
  },
  "steering.term_reversed": {
    vi: (p, l) => `nhiệm kỳ kết thúc ${date(p.termEnd, l)} trước khi bắt đầu ${date(p.termStart, l)}`,
    en: (p, l) => `the term ends (${date(p.termEnd, l)}) before it starts (${date(p.termStart, l)})`,
  },
  "steering.duplicate_commune": {
    vi: (p) => `xã ${quoted(p.unitId)} được ghi hai lần`,
    en: (p) => `commune ${quoted(p.unitId)} is listed twice`,
  },
  "steering.commune_outside_unit": {
    vi: (p) => `không có xã ${quoted(p.unitId)} thuộc đơn vị ${p.committeeUnitId} (ghi mã hoặc tên xã)`,
    en: (p) => `${quoted(p.unitId)} is not a commune of unit ${p.committeeUnitId} (write a commune's code or name)`,
  },
};
