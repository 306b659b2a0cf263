import { type AdoptionBound, AdoptionBoundSchema, type AdoptionLevel, type Tier } from "@ntm/core";

/** The adoption form as typed: the bounds are text until they are read. */
export interface AdoptionForm {
  packId: string;
  scopeUnitId: string | null;
  tier: Tier;
  level: AdoptionLevel;
  from: string;
  to: string;
}

/** What the form sends (POST /v1/pack-adoptions). */
export interface AdoptionBody {
  packId: string;
  scopeUnitId: string | null;
  tier: Tier;
  level: AdoptionLevel;
  from: AdoptionBound;
  to?: AdoptionBound;
}

/** A problem with one field of the form, in both languages. */
export interface AdoptionFieldError {
  field: "packId" | "from" | "to";
  vi: string;
  en: string;
}

/** Reads a bound as typed: a year ("2024") or an ISO date ("2026-02-15"), checked with core's schema. */
function bound(text: string): AdoptionBound | null {
  const s = text.trim();
  const r = AdoptionBoundSchema.safeParse(/^\d{4}$/.test(s) ? Number(s) : s);
  return r.success ? r.data : null;
}

/** The first day a bound covers, for ordering (a year starts on 1 January; the end year is checked the same way). */
const startOf = (b: AdoptionBound) => (typeof b === "number" ? `${b}-01-01` : b);

/**
 * Reads the adoption form into the API's body, or says which field is wrong (before any request).
 * The API checks again with core's checkAdoption (overlaps, the pack's level, tier and years).
 * @example
 * adoptionBody({ packId: "p", scopeUnitId: "p-demo", tier: "standard", level: "commune", from: "2024", to: "2025" })
 * // { ok: true, value: { packId: "p", scopeUnitId: "p-demo", tier: "standard", level: "commune", from: 2024, to: 2025 } }
 * adoptionBody({ ...form, from: "24" }).ok // false: errors[0].field === "from"
 */
export function adoptionBody(form: AdoptionForm): { ok: true; value: AdoptionBody } | { ok: false; errors: AdoptionFieldError[] } {
  const errors: AdoptionFieldError[] = [];
  if (!form.packId) errors.push({ field: "packId", vi: "Chọn một bộ tiêu chí", en: "Choose a criteria pack" });
  const from = bound(form.from);
  if (from === null)
    errors.push({ field: "from", vi: "Nhập năm (ví dụ 2024) hoặc ngày yyyy-mm-dd", en: "Enter a year (e.g. 2024) or a yyyy-mm-dd date" });
  const to = form.to.trim() === "" ? undefined : bound(form.to);
  if (to === null)
    errors.push({ field: "to", vi: "Nhập năm (ví dụ 2025) hoặc để trống", en: "Enter a year (e.g. 2025) or leave it empty" });
  else if (to !== undefined && from !== null && startOf(to) < startOf(from))
    errors.push({ field: "to", vi: "Năm kết thúc phải sau năm bắt đầu", en: "The end must not be before the start" });
  if (errors.length > 0 || from === null) return { ok: false, errors };
  const value: AdoptionBody = { packId: form.packId, scopeUnitId: form.scopeUnitId, tier: form.tier, level: form.level, from };
  if (to !== undefined && to !== null) value.to = to;
  return { ok: true, value };
}

/**
 * The form field an API problem names ("$.from" → "from"; "$" or an unknown path → "form").
 * @example
 * fieldOf("$.from") // "from"
 * fieldOf("$.scopeUnitId") // "scopeUnitId"
 */
export function fieldOf(path: string): string {
  const m = /^\$?\.?([A-Za-z]+)/.exec(path);
  return m?.[1] ?? "form";
}

/**
 * An adoption's period as people read it: "2024–2025", or "2024 – không thời hạn" without an end.
 * @example
 * adoptionPeriod({ from: 2024, to: 2025 }, "không thời hạn") // "2024–2025"
 * adoptionPeriod({ from: "2026-02-15" }, "không thời hạn") // "15/02/2026 – không thời hạn"
 */
export function adoptionPeriod(a: { from: AdoptionBound; to?: AdoptionBound }, open: string): string {
  const show = (b: AdoptionBound) => (typeof b === "number" ? String(b) : b.split("-").reverse().join("/"));
  return a.to === undefined ? `${show(a.from)} – ${open}` : `${show(a.from)}–${show(a.to)}`;
}
