import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { CliError } from "./exit.js";

/** One saved login: an API token for one server. */
export interface SavedLogin {
  token: string;
  tokenId?: string;
  username: string;
  createdAt: string;
}

interface CredentialsFile {
  servers: Record<string, SavedLogin>;
}

/**
 * Where `ntm login` keeps tokens: `$XDG_CONFIG_HOME/ntm/credentials.json`, or `~/.config/ntm/credentials.json`.
 * @example
 * credentialsPath({ XDG_CONFIG_HOME: "/tmp/x" }) // "/tmp/x/ntm/credentials.json"
 */
export function credentialsPath(env: NodeJS.ProcessEnv = process.env): string {
  const base = env["XDG_CONFIG_HOME"] || join(env["HOME"] || homedir(), ".config");
  return join(base, "ntm", "credentials.json");
}

function read(path: string): CredentialsFile {
  if (!existsSync(path)) return { servers: {} };
  try {
    const data = JSON.parse(readFileSync(path, "utf8")) as Partial<CredentialsFile>;
    return { servers: data.servers && typeof data.servers === "object" ? data.servers : {} };
  } catch {
    throw new CliError("invalid_input", [
      {
        file: path,
        message:
          "tệp đăng nhập hỏng, hãy xoá rồi chạy lại `ntm login` / the credentials file is not valid JSON; delete it and run `ntm login` again",
      },
    ]);
  }
}

function write(path: string, data: CredentialsFile): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  writeFileSync(path, `${JSON.stringify(data, null, 2)}\n`, { mode: 0o600 });
  chmodSync(path, 0o600); // writeFileSync keeps the mode of an existing file
}

/**
 * The saved login for a server, if any.
 * @example
 * loadLogin("http://127.0.0.1:3000")?.token
 */
export function loadLogin(server: string, env: NodeJS.ProcessEnv = process.env): SavedLogin | undefined {
  return read(credentialsPath(env)).servers[server];
}

/**
 * Saves a login for a server, in a file only the user can read (0600).
 * @example
 * saveLogin("http://127.0.0.1:3000", { token, username: "huyen", createdAt: new Date().toISOString() });
 */
export function saveLogin(server: string, login: SavedLogin, env: NodeJS.ProcessEnv = process.env): string {
  const path = credentialsPath(env);
  const data = read(path);
  data.servers[server] = login;
  write(path, data);
  return path;
}

/**
 * Forgets the login for a server; deletes the file when no login is left.
 * @example
 * removeLogin("http://127.0.0.1:3000")
 */
export function removeLogin(server: string, env: NodeJS.ProcessEnv = process.env): SavedLogin | undefined {
  const path = credentialsPath(env);
  const data = read(path);
  const old = data.servers[server];
  delete data.servers[server];
  if (Object.keys(data.servers).length === 0) rmSync(path, { force: true });
  else write(path, data);
  return old;
}
