import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, count, eq } from "drizzle-orm";
import { addWorkingDays } from "@ntm/core";
import { type Harness, type Session, json, loginAll, openHarness } from "../testing/harness.js";
import { auditLog, dossiers } from "../db/schema.js";
import { vnDate } from "../http/common.js";

let h: Harness;
let s: Record<string, Session>;

beforeAll(async () => {
  h = await openHarness();
  s = await loginAll(h);
});
afterAll(async () => {
  await h?.close();
});

const body = async (res: Response): Promise<any> => res.json();
const audits = async (id: string) =>
  (await h.database.db.select({ n: count() }).from(auditLog).where(eq(auditLog.entityId, id)))[0]?.n ?? 0;
const row = async (id: string) => (await h.database.db.select().from(dossiers).where(eq(dossiers.id, id)))[0]!;
const byUnit = async (who: string, unitId: string) => (await body(await s[who]!.request(`/v1/dossiers?unitId=${unitId}`))).items[0];

describe("listing dossiers", () => {
  it("shows the seeded dossiers at every step to the province", async () => {
    const p = await body(await s.tinh!.request("/v1/dossiers"));
    expect(Object.keys(p.counts).sort()).toEqual([
      "appraised",
      "draft",
      "public_consultation",
      "recognised",
      "returned",
      "self_assessed",
      "submitted",
      "verified",
    ]);
  });

  it("gives every seeded recognition the decision it was taken by (number marked as an example, dated the step's day)", async () => {
    const recognised = (await body(await s.tinh!.request("/v1/dossiers?state=recognised"))).items;
    const steps = await Promise.all(
      recognised.map(async (d: { id: string }) => {
        const full = await body(await s.tinh!.request(`/v1/dossiers/${d.id}`));
        return full.history
          .filter((e: { action: string }) => e.action === "recognise")
          .map((e: { at: string; decision?: { number: string; date: string } }) => [
            e.decision?.date === e.at.slice(0, 10),
            /^\d+\/QĐ-UBND \(ví dụ\)$/.test(e.decision?.number ?? ""),
          ]);
      }),
    );
    expect(steps).toEqual(recognised.map(() => [[true, true]]));
  });

  it("filters by state, year and unit subtree, and keeps each user to their scope", async () => {
    const [recognised, y2024, d02, xa] = await Promise.all(
      [
        s.tinh!.request("/v1/dossiers?state=recognised"),
        s.tinh!.request("/v1/dossiers?year=2024"),
        s.tinh!.request("/v1/dossiers?unitId=d-02"),
        s.xa!.request("/v1/dossiers"),
      ].map(async (r) => (await body(await r)).items.map((d: { unitId: string }) => d.unitId)),
    );
    expect([recognised, y2024, [...d02].sort(), xa]).toEqual([
      ["c-03-01", "c-02-03"],
      ["c-02-03"],
      ["c-02-01", "c-02-02", "c-02-03"],
      ["c-01-01"],
    ]);
    const out = await s.xa!.request("/v1/dossiers?unitId=c-02-01");
    expect(out.status).toBe(403);
  });

  it("serialises the capital-construction debt as a decimal string of whole đồng", async () => {
    const d = await byUnit("tinh", "c-04-02");
    expect([d.capitalConstructionDebt, typeof d.capitalConstructionDebt]).toEqual(["1250000000", "string"]);
  });
});

describe("reading a dossier", () => {
  it("returns the history, an ETag and the actions the signed-in user may take with the guards' reasons", async () => {
    const id = (await byUnit("xa", "c-01-01")).id;
    const res = await s.xa!.request(`/v1/dossiers/${id}`);
    const d = await body(res);
    const selfAssess = d.availableActions.find((a: { action: string }) => a.action === "self_assess");
    expect([
      res.status,
      res.headers.get("etag"),
      d.state,
      d.stateLabel.vi,
      d.history,
      selfAssess.allowed,
      selfAssess.reasons.map((r: { code: string }) => r.code),
    ]).toEqual([200, '"1"', "draft", "Đang lập hồ sơ", [], false, ["workflow.documents_missing"]]);
    expect(selfAssess.reasons[0].vi.length > 0).toBe(true);
  });

  it("offers no actions to a viewer and the review actions to the province", async () => {
    const id = (await byUnit("tinh", "c-02-02")).id;
    const [viewer, province] = await Promise.all([s.xem!.request(`/v1/dossiers/${id}`), s.tinh!.request(`/v1/dossiers/${id}`)]);
    expect([
      (await body(viewer)).availableActions,
      (await body(province)).availableActions.map((a: { action: string }) => a.action),
    ]).toEqual([[], ["recognise", "return", "reject"]]);
  });
});

describe("dossier transitions", () => {
  it("refuses a transition whose guards fail with 422 and the reasons (vi text, code, path), and writes nothing", async () => {
    const id = (await byUnit("xa", "c-01-01")).id;
    const before = await row(id);
    const auditsBefore = await audits(id);
    const res = await s.xa!.request(`/v1/dossiers/${id}/transitions`, json("POST", { action: "self_assess" }));
    const p = await body(res);
    const after = await row(id);
    expect([
      res.status,
      p.kind,
      p.errors.map((e: { code: string; path: string }) => [e.code, e.path]),
      after.version,
      after.step,
      after.transitions,
      await audits(id),
    ]).toEqual([422, "rule_failed", [["workflow.documents_missing", "$.dossier.documents"]], before.version, "draft", [], auditsBefore]);
    expect(p.errors[0].message).toMatch(/Báo cáo tự đánh giá|báo cáo tự đánh giá/i);
  });

  it("refuses an action from the wrong state with 409", async () => {
    const id = (await byUnit("xa", "c-01-01")).id;
    const res = await s.xa!.request(`/v1/dossiers/${id}/transitions`, json("POST", { action: "submit" }));
    expect([res.status, (await body(res)).errors[0].code]).toEqual([409, "workflow.action_not_allowed_from"]);
  });

  it.each([
    ["huyen", 403],
    ["tinh", 403],
    ["thanhtra", 403],
    ["xem", 403],
  ])("refuses the commune's own step to %s with %i", async (who, status) => {
    const id = (await byUnit("tinh", "c-01-01")).id;
    expect((await s[who]!.request(`/v1/dossiers/${id}/transitions`, json("POST", { action: "self_assess" }))).status).toBe(status);
  });

  it("applies a valid transition after the documents are added: history entry with actor and time, audit entries, new ETag", async () => {
    const id = (await byUnit("xa", "c-01-01")).id;
    const patch = await s.xa!.request(
      `/v1/dossiers/${id}`,
      json("PATCH", { documents: ["self_assessment_report"] }, { "if-match": '"1"' }),
    );
    const stale = await s.xa!.request(`/v1/dossiers/${id}/transitions`, json("POST", { action: "self_assess" }, { "if-match": '"1"' }));
    const res = await s.xa!.request(
      `/v1/dossiers/${id}/transitions`,
      json("POST", { action: "self_assess", note: "Đã họp thôn" }, { "if-match": '"2"' }),
    );
    const d = await body(res);
    const entry = d.history[0];
    const actions = (await h.database.db.select().from(auditLog).where(eq(auditLog.entityId, id)).orderBy(auditLog.id)).map(
      (a) => a.action,
    );
    expect([
      patch.status,
      stale.status,
      res.status,
      res.headers.get("etag"),
      d.state,
      entry.action,
      entry.from,
      entry.to,
      entry.actor.role,
      entry.actor.unitId,
      entry.note,
      entry.at.slice(0, 10),
      actions,
    ]).toEqual([
      200,
      412,
      200,
      '"3"',
      "self_assessed",
      "self_assess",
      "draft",
      "self_assessed",
      "commune_officer",
      "c-01-01",
      "Đã họp thôn",
      vnDate(new Date()),
      ["dossier.update", "dossier.self_assess"],
    ]);
  });

  it("lets the province return a submitted dossier with a note; the due date counts Vietnamese working days", async () => {
    const id = (await byUnit("tinh", "c-01-04")).id;
    const noNote = await s.tinh!.request(`/v1/dossiers/${id}/transitions`, json("POST", { action: "return" }));
    const res = await s.tinh!.request(`/v1/dossiers/${id}/transitions`, json("POST", { action: "return", note: "Bổ sung biên bản họp" }));
    const d = await body(res);
    const entry = d.history.at(-1);
    expect([
      (await body(noNote)).errors.map((e: { code: string }) => e.code),
      res.status,
      d.state,
      entry.dueDate,
      d.deadline.dueDate,
    ]).toEqual([
      ["workflow.note_required"],
      200,
      "returned",
      addWorkingDays(vnDate(new Date()), 20),
      addWorkingDays(vnDate(new Date()), 20),
    ]);
  });

  it("revokes a recognised dossier only when core's revocation rule holds on the stored values", async () => {
    const d = await byUnit("tinh", "c-02-03");
    const res = await s.tinh!.request(
      `/v1/dossiers/${d.id}/transitions`,
      json("POST", { action: "revoke", note: "Kiểm tra lại kết quả", decisionNumber: "30/QĐ-UBND", decisionDate: "2025-12-01" }),
    );
    const p = await body(res);
    const codes = res.status === 200 ? ["applied"] : p.errors.map((e: { code: string }) => e.code);
    const ev = await body(await s.tinh!.request(`/v1/units/c-02-03/evaluation?year=${d.year}`));
    const revoke = ev.revocation?.revoke === true;
    expect([res.status, revoke ? codes : codes.includes("workflow.revocation_rule_not_met")]).toEqual([
      revoke ? 200 : 422,
      revoke ? ["applied"] : true,
    ]);
  });

  it("recognises only with the decision's number and date (400 naming each field otherwise) and records them in the history", async () => {
    const id = (await byUnit("tinh", "c-02-02")).id;
    const before = await row(id);
    const auditsBefore = await audits(id);
    const missing = await s.tinh!.request(`/v1/dossiers/${id}/transitions`, json("POST", { action: "recognise" }));
    const late = await s.tinh!.request(
      `/v1/dossiers/${id}/transitions`,
      json("POST", { action: "recognise", decisionNumber: "125/QĐ-UBND", decisionDate: "2100-01-01" }),
    );
    const missingBody = await body(missing);
    const lateBody = await body(late);
    expect([
      missing.status,
      missingBody.errors.map((e: { path: string; code: string }) => [e.path, e.code]),
      late.status,
      lateBody.errors.map((e: { path: string; code: string }) => [e.path, e.code]),
      (await row(id)).version === before.version && (await audits(id)) === auditsBefore,
    ]).toEqual([
      400,
      [
        ["$.decisionNumber", "workflow.decision_number_required"],
        ["$.decisionDate", "workflow.decision_date_required"],
      ],
      400,
      [["$.decisionDate", "workflow.decision_date_after_step"]],
      true,
    ]);
    expect(missingBody.errors[0].message).toContain("Cần nhập số quyết định");
    const res = await s.tinh!.request(
      `/v1/dossiers/${id}/transitions`,
      json("POST", { action: "recognise", decisionNumber: " 125/QĐ-UBND ", decisionDate: "2025-12-01", note: "Đạt chuẩn" }),
    );
    const d = await body(res);
    const stored = await row(id);
    expect([
      res.status,
      d.state,
      d.history.at(-1).decision,
      d.history.at(-1).note,
      (stored.transitions as { decision?: unknown }[]).at(-1)?.decision,
    ]).toEqual([
      200,
      "recognised",
      { number: "125/QĐ-UBND", date: "2025-12-01" },
      "Đạt chuẩn",
      { number: "125/QĐ-UBND", date: "2025-12-01" },
    ]);
  });

  it("refuses a decision on a step that is not taken by one", async () => {
    const id = (await byUnit("tinh", "c-04-02")).id;
    const res = await s.tinh!.request(`/v1/dossiers/${id}/transitions`, json("POST", { action: "verify", decisionNumber: "1/QĐ" }));
    expect([res.status, (await body(res)).errors.map((e: { path: string }) => e.path)]).toEqual([400, ["$.decisionNumber"]]);
  });

  it("reports every failing guard of a verification at once", async () => {
    const id = (await byUnit("tinh", "c-04-02")).id;
    const res = await s.tinh!.request(`/v1/dossiers/${id}/transitions`, json("POST", { action: "verify" }));
    const codes = (await body(res)).errors.map((e: { code: string }) => e.code);
    expect([res.status, codes.includes("workflow.council_vote_missing"), codes.includes("workflow.documents_missing")]).toEqual([
      422,
      true,
      true,
    ]);
  });
});

describe("creating and editing dossiers", () => {
  it("lets a commune officer create a draft for their own commune, once per tier and year", async () => {
    const res = await s.xa!.request("/v1/dossiers", json("POST", { unitId: "c-01-01", tier: "standard", year: 2024 }));
    const d = await body(res);
    const dup = await s.xa!.request("/v1/dossiers", json("POST", { unitId: "c-01-01", tier: "standard", year: 2024 }));
    expect([res.status, d.state, d.packId, d.level, await audits(d.id), dup.status]).toEqual([
      201,
      "draft",
      "example.province-demo.2021-2025",
      "commune",
      1,
      409,
    ]);
  });

  it.each([
    ["xa", "c-01-02", 403],
    ["huyen", "c-01-02", 403],
    ["tinh", "c-01-02", 403],
    ["thanhtra", "c-01-02", 403],
    ["admin", "c-01-02", 201],
  ])("POST /v1/dossiers as %s for %s → %i", async (who, unitId, status) => {
    expect((await s[who]!.request("/v1/dossiers", json("POST", { unitId, tier: "model", year: 2024 }))).status).toBe(status);
  });

  it("creates a hamlet's dossier against the hamlet pack and refuses a commune pack for a hamlet", async () => {
    const ok = await s.xa!.request("/v1/dossiers", json("POST", { unitId: "c-01-01-t1", tier: "standard", year: 2024 }));
    const wrong = await s.xa!.request(
      "/v1/dossiers",
      json("POST", { unitId: "c-01-01-t2", tier: "standard", year: 2024, packId: "example.province-demo.2021-2025" }),
    );
    const d = await body(ok);
    expect([ok.status, d.packId, d.level, wrong.status, (await body(wrong)).errors[0].path]).toEqual([
      201,
      "example.province-demo-hamlet.2021-2025",
      "hamlet",
      422,
      "$.packId",
    ]);
  });

  it("refuses a dossier for a year with no adopted pack (2026 in the demo) unless a pack is named", async () => {
    const res = await s.xa!.request("/v1/dossiers", json("POST", { unitId: "c-01-01", tier: "standard", year: 2026 }));
    expect([res.status, (await body(res)).errors[0].path]).toEqual([422, "$.packId"]);
  });

  it("rejects bad input with 422 paths and writes nothing", async () => {
    const [tier, debt] = await Promise.all([
      s.xa!.request("/v1/dossiers", json("POST", { unitId: "c-01-01", tier: "gold", year: 2026 })),
      s.xa!.request(
        `/v1/dossiers/${(await byUnit("xa", "c-01-01")).id}`,
        json("PATCH", { capitalConstructionDebt: "12.5" }, { "if-match": '"3"' }),
      ),
    ]);
    expect([tier.status, (await body(tier)).errors[0].path, debt.status, (await body(debt)).errors[0].path]).toEqual([
      422,
      "$.tier",
      422,
      "$.capitalConstructionDebt",
    ]);
  });

  it("requires If-Match to edit (428) and refuses a stale one (412)", async () => {
    const id = (await byUnit("tinh", "c-01-03")).id;
    const [none, stale] = await Promise.all([
      s.tinh!.request(`/v1/dossiers/${id}`, json("PATCH", { satisfactionPercent: 95 })),
      s.tinh!.request(`/v1/dossiers/${id}`, json("PATCH", { satisfactionPercent: 95 }, { "if-match": '"9"' })),
    ]);
    const r = await row(id);
    expect([none.status, stale.status, (r.data as { satisfactionPercent: number }).satisfactionPercent]).toEqual([428, 412, 93.5]);
  });

  it("lets only the reviewing level record the council vote", async () => {
    const id = (await byUnit("tinh", "c-01-03")).id;
    const res = await s.xa!.request(
      `/v1/dossiers/${id}`,
      json("PATCH", { councilVote: { for: 5, against: 0, members: 7 } }, { "if-match": '"1"' }),
    );
    const ok = await s.tinh!.request(
      `/v1/dossiers/${id}`,
      json("PATCH", { councilVote: { for: 5, against: 0, members: 7 }, capitalConstructionDebt: "0" }, { "if-match": '"1"' }),
    );
    const [entry] = await h.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, "dossier.update")));
    expect([
      res.status,
      ok.status,
      (await body(ok)).councilVote,
      (entry?.after as { data: { capitalConstructionDebt: string } } | undefined)?.data.capitalConstructionDebt,
    ]).toEqual([403, 200, { for: 5, against: 0, members: 7 }, "0"]);
  });
});
