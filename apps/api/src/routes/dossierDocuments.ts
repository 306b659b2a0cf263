/**
 * Files attached to a recognition dossier (tờ trình, biên bản, báo cáo, quyết định…): list, upload,
 * download. The file is the request body (raw bytes; its name in `?name=`); the type is detected from
 * the bytes (PDF, PNG, JPEG, DOCX), the size bounded (NTM_ATTACHMENT_MAX_BYTES), a SHA-256 computed
 * and returned; the download is the stored bytes unchanged. A refused file writes nothing.
 */
import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { DossierDocumentSchema, ROLE_LABELS } from "@ntm/core";
import type { AppEnv } from "../context.js";
import { can } from "../auth/policy.js";
import { authorize } from "../http/guard.js";
import { ApiError, problemResponses } from "../http/problem.js";
import { checkVersion, readIfMatch } from "../http/common.js";
import { readBounded } from "../transfer/limits.js";
import {
  type AttachmentLimits,
  type AttachmentRefusal,
  checkAttachment,
  listAttachments,
  newAttachmentRow,
  dossierActors,
  dossierRow,
  readAttachment,
  storeAttachment,
} from "../services/attachments.js";

const mib = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;

/**
 * The problem for a refused file, Vietnamese first.
 * @example
 * refusalProblem({ code: "attachment.unknown_type" }, limits).message // "Chỉ nhận tệp PDF, PNG, JPEG, DOCX / …"
 */
export function refusalProblem(r: AttachmentRefusal, limits: AttachmentLimits): ApiError {
  const allowed = limits.types.map((t) => t.toUpperCase()).join(", ");
  switch (r.code) {
    case "attachment.empty":
      return new ApiError("invalid_input", "Tệp rỗng / the file is empty", [{ path: "body", message: "empty file", code: r.code }]);
    case "attachment.too_large":
      return new ApiError(
        "payload_too_large",
        `Tệp ${mib(r.size)} vượt quá giới hạn ${mib(r.maxBytes)} / the file exceeds the attachment limit of ${r.maxBytes} bytes (NTM_ATTACHMENT_MAX_BYTES)`,
      );
    case "attachment.unknown_type":
      return new ApiError("invalid_input", `Chỉ nhận tệp ${allowed} / only ${allowed} files are accepted`, [
        { path: "body", message: "the file's content is not an accepted type", code: r.code },
      ]);
    case "attachment.type_not_allowed":
      return new ApiError(
        "invalid_input",
        `Không nhận tệp ${r.type.toUpperCase()}; chỉ nhận ${allowed} / ${r.type} files are not accepted here`,
        [{ path: "body", message: `type ${r.type} not in NTM_ATTACHMENT_TYPES`, code: r.code }],
      );
  }
}

export const AttachmentSchema = z
  .object({
    id: z.string(),
    dossierId: z.string(),
    name: z.string(),
    kind: z.string().nullable(),
    mediaType: z.string(),
    size: z.number().int(),
    sha256: z.string().openapi({ description: "Lower-case hex SHA-256 of the file" }),
    createdAt: z.string(),
    createdBy: z.string().nullable(),
  })
  .openapi("DossierAttachment");

const Params = z.object({ id: z.string().min(1).max(200) });
const FileParams = z.object({ id: z.string().min(1).max(200), attachmentId: z.string().min(1).max(200) });
// A file name as a person gave it: no path separators (control characters are refused for every request).
const FileName = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^/\\]+$/, "a file name without / or \\")
  .openapi({ description: "The file's name, e.g. to-trinh.pdf" });
const UploadQuery = z.object({ name: FileName, kind: DossierDocumentSchema.optional() });

const list = createRoute({
  method: "get",
  path: "/dossiers/{id}/attachments",
  tags: ["dossiers"],
  summary: "Tài liệu đính kèm của hồ sơ / The files attached to a dossier",
  request: { params: Params },
  responses: {
    200: { description: "Attachments", content: { "application/json": { schema: z.object({ items: z.array(AttachmentSchema) }) } } },
    ...problemResponses(401, 403, 404),
  },
});

const upload = createRoute({
  method: "post",
  path: "/dossiers/{id}/attachments",
  tags: ["dossiers"],
  summary: "Đính kèm tài liệu / Attach a file (PDF, PNG, JPEG, DOCX) to a dossier; the body is the file",
  description:
    "Send the file's bytes as the body with its name in `?name=`. The type is detected from the bytes; the size is bounded by NTM_ATTACHMENT_MAX_BYTES (default 10 MiB, 413 beyond) and the types by NTM_ATTACHMENT_TYPES. The answer carries the SHA-256. If-Match (the dossier's version) is optional; a stale one is 412. A refused file writes nothing.",
  request: {
    params: Params,
    query: UploadQuery,
    body: { required: true, content: { "application/octet-stream": { schema: z.string().openapi({ format: "binary" }) } } },
  },
  responses: {
    201: { description: "Attached", content: { "application/json": { schema: AttachmentSchema } } },
    ...problemResponses(401, 403, 404, 412, 413, 422),
  },
});

const download = createRoute({
  method: "get",
  path: "/dossiers/{id}/attachments/{attachmentId}",
  tags: ["dossiers"],
  summary: "Tải tài liệu về / Download an attached file, byte for byte as uploaded",
  request: { params: FileParams },
  responses: {
    200: {
      description: "The file (Content-Type as detected; x-content-sha256 the checksum)",
      content: { "application/octet-stream": { schema: z.string().openapi({ format: "binary" }) } },
    },
    ...problemResponses(401, 403, 404),
  },
});

const actors = createRoute({
  method: "get",
  path: "/dossiers/{id}/actors",
  tags: ["dossiers"],
  summary: "Người thực hiện các bước của hồ sơ / Who did each step: the display names of the users in a dossier's history",
  request: { params: Params },
  responses: {
    200: {
      description: "Actors by user id (seeded or deleted accounts are absent: show the role)",
      content: {
        "application/json": {
          schema: z.object({ items: z.array(z.object({ id: z.string(), username: z.string(), displayName: z.string() })) }),
        },
      },
    },
    ...problemResponses(401, 403, 404),
  },
});

/**
 * Dossier attachments: GET/POST /dossiers/{id}/attachments, GET /dossiers/{id}/attachments/{attachmentId}.
 * @example
 * v1.route("/", dossierDocumentRoutes());
 */
export function dossierDocumentRoutes() {
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(list, async (c) => {
    const { id } = c.req.valid("param");
    const { db } = c.get("deps");
    const row = await dossierRow(db, id);
    await authorize(c, "read", row.unitId);
    return c.json({ items: await listAttachments(db, id) }, 200);
  });

  app.openapi(actors, async (c) => {
    const { id } = c.req.valid("param");
    const { db } = c.get("deps");
    const row = await dossierRow(db, id);
    await authorize(c, "read", row.unitId);
    const items = await dossierActors(db, row.transitions);
    return c.json({ items }, 200);
  });

  app.openapi(upload, async (c) => {
    const { id } = c.req.valid("param");
    const q = c.req.valid("query");
    const { db, attachmentLimits } = c.get("deps");
    const row = await dossierRow(db, id);
    const { user, tree } = await authorize(c, "read", row.unitId);
    if (!can(user, "dossier.self_assess", row.unitId, tree) && !can(user, "dossier.review", row.unitId, tree))
      throw new ApiError(
        "forbidden",
        `Vai trò "${ROLE_LABELS[user.role].vi}" không được đính kèm tài liệu vào hồ sơ này / the role "${ROLE_LABELS[user.role].en}" may not attach files here`,
      );
    checkVersion(readIfMatch(c), row.version);
    const bytes = await readBounded(c.req.raw, attachmentLimits.maxBytes).catch((e: unknown) => {
      // The stream was cut at the limit: word it as an attachment limit.
      if (e instanceof ApiError && e.kind === "payload_too_large")
        throw refusalProblem(
          { code: "attachment.too_large", size: attachmentLimits.maxBytes + 1, maxBytes: attachmentLimits.maxBytes },
          attachmentLimits,
        );
      throw e;
    });
    const checked = checkAttachment(bytes, attachmentLimits);
    if (!checked.ok) throw refusalProblem(checked.refusal, attachmentLimits);
    const values = newAttachmentRow({
      dossierId: id,
      unitId: row.unitId,
      name: q.name,
      kind: q.kind ?? null,
      type: checked.type,
      content: bytes,
      createdBy: user.username,
    });
    return c.json(await storeAttachment(db, user, values), 201);
  });

  app.openapi(download, async (c) => {
    const { id, attachmentId } = c.req.valid("param");
    const { db } = c.get("deps");
    const file = await readAttachment(db, attachmentId);
    if (!file || file.dossierId !== id) throw new ApiError("not_found", `Không tìm thấy tài liệu / attachment "${attachmentId}" not found`);
    await authorize(c, "read", file.unitId);
    const ascii = file.name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
    return c.body(file.content as Uint8Array<ArrayBuffer>, 200, {
      "content-type": file.mediaType,
      "content-length": String(file.size),
      "content-disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      "x-content-sha256": file.sha256,
      "x-content-type-options": "nosniff",
    }) as never;
  });

  return app;
}
