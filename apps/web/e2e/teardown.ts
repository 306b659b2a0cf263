import { rmSync } from "node:fs";
import { tmpdir } from "node:os";

/** Removes the temporary database directory the config created for this run. */
export default function teardown(): void {
  const dir = process.env.NTM_E2E_DATA_DIR;
  if (dir && dir.startsWith(tmpdir())) rmSync(dir, { recursive: true, force: true });
}
