import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ntm, tempDir } from "../../test/cli.js";
import { type TestServer, startServer } from "../../test/server.js";

let server: TestServer;
let home: string;
const remote = (args: string[], input?: string) =>
  ntm(["--server", server.url, ...args], {
    cwd: home,
    env: { XDG_CONFIG_HOME: join(home, "cfg") },
    ...(input !== undefined ? { input } : {}),
  });
const as = (who: string, pw: string) => expect(remote(["login", "--username", who, "--password-stdin"], `${pw}\n`).code).toBe(0);
const file = (name: string, content: string | Buffer) => {
  const p = join(home, name);
  writeFileSync(p, content);
  return p;
};

beforeAll(async () => {
  server = await startServer();
  home = tempDir();
});
afterAll(async () => {
  if (server && /the API exited/.test(server.log())) console.error(server.log());
  await server?.stop();
});

describe("record write commands against a running API", () => {
  it("records a task's progress (--json), and refuses a done task below 100% with exit 2 before calling the server", () => {
    as("huyen", "huyen123");
    const ok = remote([
      "tasks",
      "progress",
      "plan-63-d-01",
      "II.5",
      "--status",
      "in_progress",
      "--result",
      "Đã cứng hóa 3,2 km",
      "--period",
      "2025",
      "--percent",
      "60",
      "--deadline",
      "06/09/2025",
      "--json",
    ]);
    expect([ok.code, (ok.json() as { progress: unknown }).progress]).toEqual([
      0,
      { status: "in_progress", result: "Đã cứng hóa 3,2 km", period: "2025", percentDone: 60, deadline: "2025-09-06" },
    ]);
    const bad = remote([
      "tasks",
      "progress",
      "plan-63-d-01",
      "II.5",
      "--status",
      "done",
      "--result",
      "x",
      "--period",
      "2025",
      "--percent",
      "80",
    ]);
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining("$.percentDone")]);
    const stale = remote([
      "tasks",
      "progress",
      "plan-63-d-01",
      "II.5",
      "--status",
      "done",
      "--result",
      "x",
      "--period",
      "2025",
      "--if-match",
      "1",
    ]);
    expect([stale.code, stale.stderr]).toEqual([2, expect.stringContaining("HTTP 412")]);
  });

  it("adds and edits an OCOP product from a JSON file, naming the file and path on bad input", () => {
    as("xa", "xa123");
    const product = {
      name: "Chè búp An Phú",
      subject: { name: "HTX Chè An Phú", kind: "cooperative" },
      communeUnitId: "c-01-01",
      group: "beverage",
      score: 72,
      stars: 4,
      certificate: { number: "125/QĐ-UBND", date: "2025-05-10" },
      status: "recognised",
    };
    const added = remote(["ocop", "add", "--file", file("ocop.json", JSON.stringify(product)), "--json"]);
    const out = added.json() as { id: string; version: number; data: { name: string } };
    expect([added.code, out.version, out.data.name]).toEqual([0, 1, "Chè búp An Phú"]);
    const edited = remote([
      "ocop",
      "edit",
      out.id,
      "--file",
      file("ocop2.json", JSON.stringify({ ...product, stars: 3, score: 60 })),
      "--json",
    ]);
    expect([edited.code, (edited.json() as { version: number }).version]).toEqual([0, 2]);
    const wrong = remote(["ocop", "add", "--file", file("ocop3.json", JSON.stringify({ ...product, stars: 5 }))]);
    expect([wrong.code, wrong.stderr]).toEqual([2, expect.stringMatching(/ocop3\.json.*\$\.stars/)]);
  });

  it("creates a dossier, attaches a PDF whose SHA-256 the server confirms, and refuses a text file with exit 2", () => {
    as("xa", "xa123");
    const created = remote(["dossier", "create", "--unit", "c-01-01", "--tier", "standard", "--year", "2024", "--json"]);
    const d = created.json() as { id: string; state: string };
    expect([created.code, d.state]).toEqual([0, "draft"]);
    const pdf = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.from(Array.from({ length: 256 }, (_, i) => i))]);
    const attached = remote(["dossier", "attach", d.id, file("to-trinh.pdf", pdf), "--kind", "request_letter", "--json"]);
    expect([attached.code, attached.json()]).toEqual([
      0,
      expect.objectContaining({ name: "to-trinh.pdf", size: pdf.length, sha256: createHash("sha256").update(pdf).digest("hex") }),
    ]);
    const text = remote(["dossier", "attach", d.id, file("ghi-chu.pdf", "không phải PDF")]);
    expect([text.code, text.stderr]).toEqual([2, expect.stringContaining("Chỉ nhận tệp PDF, PNG, JPEG, DOCX")]);
    const missing = remote(["dossier", "create", "--unit", "c-01-01"]);
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining("--tier")]);
  });

  it("adds a housing record, and refuses a viewer with exit 4", () => {
    as("xa", "xa123");
    const house = { communeUnitId: "c-01-01", household: "Hộ ông Nguyễn Văn A", status: "under_construction", supportAmount: "60000000" };
    const added = remote(["housing", "add", "--file", file("nha.json", JSON.stringify(house)), "--json"]);
    expect([added.code, (added.json() as { data: { household: string } }).data.household]).toEqual([0, "Hộ ông Nguyễn Văn A"]);
    as("xem", "xem123");
    const denied = remote(["housing", "add", "--file", file("nha2.json", JSON.stringify(house))]);
    expect(denied.code).toBe(4);
  });
});
