/**
 * Documents attached to recognition dossiers: limits (size, accepted types), type detection from the
 * file's own bytes (never from its name or the declared Content-Type alone), the SHA-256 checksum,
 * and storage in the `dossier_attachments` table (bytea on both PGlite and PostgreSQL, so a backup of
 * the database holds the files too).
 *
 * Limits are configurable at server start: NTM_ATTACHMENT_MAX_BYTES (default 10 MiB; the API's
 * whole-body limit of 20 MiB still applies) and NTM_ATTACHMENT_TYPES (a comma list among
 * pdf, png, jpeg, docx; default all four).
 */
import { createHash, randomUUID } from "node:crypto";
import { asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../db/index.js";
import { dossierAttachments, dossiers, users } from "../db/schema.js";
import { ApiError } from "../http/problem.js";
import { writeAudit } from "../audit.js";
import type { Principal } from "../auth/policy.js";

/** A file type a dossier may carry, by its short name. */
export type AttachmentType = "pdf" | "png" | "jpeg" | "docx";

/** The media type stored and sent back for each accepted type. */
export const MEDIA_TYPES: Readonly<Record<AttachmentType, string>> = {
  pdf: "application/pdf",
  png: "image/png",
  jpeg: "image/jpeg",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

export interface AttachmentLimits {
  /** The largest file accepted, in bytes (NTM_ATTACHMENT_MAX_BYTES). */
  maxBytes: number;
  /** The accepted types (NTM_ATTACHMENT_TYPES). */
  types: readonly AttachmentType[];
}

export const DEFAULT_ATTACHMENT_LIMITS: Readonly<AttachmentLimits> = {
  maxBytes: 10 * 1024 * 1024,
  types: ["pdf", "png", "jpeg", "docx"],
};

const ALL_TYPES = Object.keys(MEDIA_TYPES) as AttachmentType[];

/**
 * Attachment limits from the environment (server start); unset means the default.
 * @example
 * attachmentLimitsFromEnv({ NTM_ATTACHMENT_MAX_BYTES: "2097152", NTM_ATTACHMENT_TYPES: "pdf" }) // { maxBytes: 2097152, types: ["pdf"] }
 */
export function attachmentLimitsFromEnv(env: Readonly<Record<string, string | undefined>>): AttachmentLimits {
  const out: AttachmentLimits = { ...DEFAULT_ATTACHMENT_LIMITS };
  const max = env.NTM_ATTACHMENT_MAX_BYTES;
  if (max !== undefined && max !== "") {
    const n = Number(max);
    if (!Number.isSafeInteger(n) || n < 1)
      throw new Error(`NTM_ATTACHMENT_MAX_BYTES phải là số nguyên ≥ 1 / must be a whole number ≥ 1, got "${max}"`);
    out.maxBytes = n;
  }
  const types = env.NTM_ATTACHMENT_TYPES;
  if (types !== undefined && types !== "") {
    const list = types.split(",").map((t) => t.trim().toLowerCase());
    const bad = list.filter((t) => !ALL_TYPES.includes(t as AttachmentType));
    if (bad.length > 0 || list.length === 0)
      throw new Error(`NTM_ATTACHMENT_TYPES: loại không hỗ trợ / unsupported type(s) "${bad.join(",")}"; use ${ALL_TYPES.join(",")}`);
    out.types = list as AttachmentType[];
  }
  return out;
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) =>
  bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);

/**
 * The type of a file from its first bytes: PDF (`%PDF-`), PNG, JPEG, or DOCX (a ZIP holding
 * `word/document.xml`); null for anything else (old .doc, executables, text…).
 * @example
 * detectAttachmentType(new TextEncoder().encode("%PDF-1.7 ...")) // "pdf"
 */
export function detectAttachmentType(bytes: Uint8Array): AttachmentType | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "pdf";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    // ZIP entry names are stored uncompressed in the local headers and the central directory.
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
    if (text.includes("word/document.xml")) return "docx";
  }
  return null;
}

/**
 * Lower-case hex SHA-256 of bytes.
 * @example
 * sha256Hex(new Uint8Array()) // "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
 */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Why a file is refused, as data (the route words it). */
export type AttachmentRefusal =
  | { code: "attachment.empty" }
  | { code: "attachment.too_large"; size: number; maxBytes: number }
  | { code: "attachment.unknown_type" }
  | { code: "attachment.type_not_allowed"; type: AttachmentType; allowed: readonly AttachmentType[] };

/**
 * Checks a file against the limits: not empty, not larger than `maxBytes`, of a detected and allowed type.
 * @example
 * checkAttachment(pdfBytes, DEFAULT_ATTACHMENT_LIMITS) // { ok: true, type: "pdf" }
 */
export function checkAttachment(
  bytes: Uint8Array,
  limits: AttachmentLimits,
): { ok: true; type: AttachmentType } | { ok: false; refusal: AttachmentRefusal } {
  if (bytes.length === 0) return { ok: false, refusal: { code: "attachment.empty" } };
  if (bytes.length > limits.maxBytes)
    return { ok: false, refusal: { code: "attachment.too_large", size: bytes.length, maxBytes: limits.maxBytes } };
  const type = detectAttachmentType(bytes);
  if (!type) return { ok: false, refusal: { code: "attachment.unknown_type" } };
  if (!limits.types.includes(type)) return { ok: false, refusal: { code: "attachment.type_not_allowed", type, allowed: limits.types } };
  return { ok: true, type };
}

/** An attachment's description (without its bytes). */
export interface AttachmentMeta {
  id: string;
  dossierId: string;
  name: string;
  kind: string | null;
  mediaType: string;
  size: number;
  sha256: string;
  createdAt: string;
  createdBy: string | null;
}

type Row = typeof dossierAttachments.$inferSelect;
const metaOf = (r: Omit<Row, "content" | "unitId">): AttachmentMeta => ({
  id: r.id,
  dossierId: r.dossierId,
  name: r.name,
  kind: r.kind,
  mediaType: r.mediaType,
  size: r.size,
  sha256: r.sha256,
  createdAt: r.createdAt.toISOString(),
  createdBy: r.createdBy,
});

const META_COLUMNS = {
  id: dossierAttachments.id,
  dossierId: dossierAttachments.dossierId,
  name: dossierAttachments.name,
  kind: dossierAttachments.kind,
  mediaType: dossierAttachments.mediaType,
  size: dossierAttachments.size,
  sha256: dossierAttachments.sha256,
  createdAt: dossierAttachments.createdAt,
  createdBy: dossierAttachments.createdBy,
};

/**
 * The attachments of a dossier, oldest first, without their bytes.
 * @example
 * await listAttachments(db, "hs-1") // [{ id: "tl-…", name: "to-trinh.pdf", size: 1234, sha256: "…", … }]
 */
export async function listAttachments(db: Db, dossierId: string): Promise<AttachmentMeta[]> {
  const rows = await db
    .select(META_COLUMNS)
    .from(dossierAttachments)
    .where(eq(dossierAttachments.dossierId, dossierId))
    .orderBy(asc(dossierAttachments.createdAt), asc(dossierAttachments.id));
  return rows.map(metaOf);
}

/**
 * One attachment with its bytes, or undefined.
 * @example
 * (await readAttachment(db, "tl-1"))?.content.length // 1234
 */
export async function readAttachment(db: Db, id: string): Promise<(AttachmentMeta & { unitId: string; content: Uint8Array }) | undefined> {
  const r = (await db.select().from(dossierAttachments).where(eq(dossierAttachments.id, id)).limit(1))[0];
  return r ? { ...metaOf(r), unitId: r.unitId, content: r.content } : undefined;
}

/** A new attachment row (the caller writes it inside its audited transaction). */
export function newAttachmentRow(input: {
  dossierId: string;
  unitId: string;
  name: string;
  kind: string | null;
  type: AttachmentType;
  content: Uint8Array;
  createdBy: string;
}): typeof dossierAttachments.$inferInsert {
  return {
    id: `tl-${randomUUID()}`,
    dossierId: input.dossierId,
    unitId: input.unitId,
    name: input.name,
    kind: input.kind,
    mediaType: MEDIA_TYPES[input.type],
    size: input.content.length,
    sha256: sha256Hex(input.content),
    content: input.content,
    createdBy: input.createdBy,
  };
}

export { metaOf as attachmentMeta };

/** Stores a checked attachment row, audited as `dossier.attach`; answers its metadata. */
export async function storeAttachment(db: Db, user: Principal, values: ReturnType<typeof newAttachmentRow>): Promise<AttachmentMeta> {
  const saved = await db.transaction(async (tx) => {
    const { content: _content, ...meta } = (await tx.insert(dossierAttachments).values(values).returning())[0]!;
    await writeAudit(tx, user, {
      action: "dossier.attach",
      entityType: "dossier_attachment",
      entityId: meta.id,
      unitId: meta.unitId,
      before: null,
      after: {
        dossierId: meta.dossierId,
        name: meta.name,
        kind: meta.kind,
        mediaType: meta.mediaType,
        size: meta.size,
        sha256: meta.sha256,
      },
    });
    return meta;
  });
  return metaOf(saved);
}

/** A dossier's id, unit, version and transitions (what attachment writes check), or a 404. */
export async function dossierRow(db: Db, id: string) {
  const row = (
    await db
      .select({ id: dossiers.id, unitId: dossiers.unitId, version: dossiers.version, transitions: dossiers.transitions })
      .from(dossiers)
      .where(eq(dossiers.id, id))
  )[0];
  if (!row) throw new ApiError("not_found", `Không tìm thấy hồ sơ / dossier "${id}" not found`);
  return row;
}

/** The people who acted on a dossier (from its transitions): id, username and display name. */
export async function dossierActors(db: Db, transitions: unknown): Promise<{ id: string; username: string; displayName: string }[]> {
  const ids = [...new Set((transitions as { actor?: { id?: string } }[]).map((h) => h.actor?.id).filter((x): x is string => !!x))];
  return ids.length === 0
    ? []
    : await db.select({ id: users.id, username: users.username, displayName: users.displayName }).from(users).where(inArray(users.id, ids));
}
