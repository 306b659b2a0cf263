import type { Lang } from "../schemas/common.js";
import { formatDate } from "./format.js";
import type { MessageCatalog } from "./messages.js";

const date = (v: unknown, l: Lang) => (typeof v === "string" ? formatDate(v, l) : "—");

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
};
