/**
 * Headless first run: creates the first administrator without a browser, on the database the server
 * would open (DATABASE_URL, else DATA_DIR or <repo>/.data/pglite). Stop a PGlite server first (one
 * process per data directory).
 *
 *   printf '%s' "$PASSWORD" | npm run setup -w @ntm/api -- --username quantri --password-stdin \
 *     --display-name "Quản trị hệ thống" --province-id p-26 --province-name "Tỉnh Vĩnh Phúc"
 *
 * The same rules as POST /v1/setup apply (core checks, one transaction, audited); it refuses once an
 * administrator exists. Exit codes: 0 created, 2 bad input, 3 could not open the database, 5 conflict.
 */
import { join } from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { eq } from "drizzle-orm";
import { sha256 } from "../auth/crypto.js";
import { openDatabase } from "../db/index.js";
import { setupTokens } from "../db/schema.js";
import { ApiError } from "../http/problem.js";
import { DisplayNameSchema, NewPasswordSchema, UsernameSchema } from "../http/schemas.js";
import { repoRoot } from "../paths.js";
import { completeSetup, issueSetupToken } from "../setup.js";
import { UNIT_ID_PATTERN } from "../http/schemas.js";

const ArgsSchema = z.object({
  username: UsernameSchema,
  password: NewPasswordSchema,
  displayName: DisplayNameSchema,
  provinceId: z.string().max(64).regex(UNIT_ID_PATTERN, "chữ thường, chữ số, gạch nối / lowercase letters, digits, hyphens").optional(),
  provinceName: z.string().trim().min(1).max(200).optional(),
});

const OPTION_OF: Record<string, string> = {
  username: "--username",
  password: "--password-stdin",
  displayName: "--display-name",
  provinceId: "--province-id",
  provinceName: "--province-name",
  province: "--province-id",
};

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}

function fail(code: number, lines: string[]): never {
  for (const l of lines) console.error(l);
  process.exit(code);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      username: { type: "string" },
      "password-stdin": { type: "boolean" },
      "display-name": { type: "string" },
      "province-id": { type: "string" },
      "province-name": { type: "string" },
    },
    strict: true,
  });
  if (!values["password-stdin"]) fail(2, ["--password-stdin: bắt buộc, mật khẩu đọc từ stdin / required: the password is read from stdin"]);
  const parsed = ArgsSchema.safeParse({
    username: values.username,
    password: await readStdin(),
    displayName: values["display-name"] ?? values.username,
    provinceId: values["province-id"],
    provinceName: values["province-name"],
  });
  if (!parsed.success)
    fail(
      2,
      parsed.error.issues.map((i) => `${OPTION_OF[String(i.path[0])] ?? String(i.path[0])}: ${i.message}`),
    );
  const a = parsed.data;
  if ((a.provinceId === undefined) !== (a.provinceName === undefined)) fail(2, ["--province-id, --province-name: cần cả hai / give both"]);
  const url = process.env.DATABASE_URL;
  const database = await openDatabase(
    url
      ? { databaseUrl: url, changeFeed: false }
      : { dataDir: process.env.DATA_DIR ?? join(repoRoot(), ".data", "pglite"), changeFeed: false },
  ).catch((e: unknown) =>
    fail(3, [`không mở được cơ sở dữ liệu / cannot open the database: ${e instanceof Error ? e.message : String(e)}`]),
  );
  const now = new Date();
  const token = await issueSetupToken(database.db, now);
  try {
    const user = await completeSetup(
      database.db,
      token,
      {
        username: a.username,
        password: a.password,
        displayName: a.displayName,
        province: a.provinceId && a.provinceName ? { id: a.provinceId, name: a.provinceName } : undefined,
      },
      now,
    );
    console.log(
      `[ntm] đã tạo quản trị viên / created the administrator ${user.username} (${user.displayName}), phạm vi / scope ${user.scopeUnitId}`,
    );
  } catch (e) {
    // The token was this run's own: nothing of a refused run stays behind.
    await database.db.delete(setupTokens).where(eq(setupTokens.tokenHash, sha256(token)));
    if (e instanceof ApiError) {
      await database.close();
      fail(e.kind === "conflict" ? 5 : 2, [
        e.message,
        ...(e.errors ?? []).map((f) => `${OPTION_OF[f.path.replace(/^\$\./, "").split(".")[0]!] ?? f.path}: ${f.message}`),
      ]);
    }
    throw e;
  }
  await database.close();
}

main().catch((e: unknown) => {
  console.error("[ntm] setup failed:", e instanceof Error ? e.message : e);
  process.exit(1);
});
