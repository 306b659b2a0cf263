import { createHash, randomBytes, scrypt, timingSafeEqual } from "node:crypto";

const N = 16384;
const R = 8;
const P = 1;
const KEYLEN = 32;

function scryptAsync(password: string, salt: Buffer, n: number, r: number, p: number, keylen: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize("NFC"), salt, keylen, { N: n, r, p, maxmem: 64 * 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

/**
 * Hashes a password with scrypt (memory-hard) and a random salt: `scrypt$N$r$p$salt$hash` (base64url).
 * @example
 * const h = await hashPassword("admin123"); await verifyPassword("admin123", h) // true
 */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, N, R, P, KEYLEN);
  return ["scrypt", N, R, P, salt.toString("base64url"), key.toString("base64url")].join("$");
}

/**
 * Checks a password against a stored scrypt hash in constant time.
 * @example
 * await verifyPassword("wrong", h) // false
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") return false;
  const [, n, r, p, salt, hash] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(hash, "base64url");
  const key = await scryptAsync(password, Buffer.from(salt, "base64url"), Number(n), Number(r), Number(p), expected.length);
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/**
 * A random secret (session cookie, CSRF token, API token).
 * @example
 * randomSecret() // "q3J...": 32 random bytes, base64url
 */
export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

/**
 * SHA-256 (hex) of a secret: what the database stores for sessions and API tokens.
 * @example
 * sha256("abc") // "ba7816bf..."
 */
export function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}
