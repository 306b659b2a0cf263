/** The client's address for rate limiting, honouring a configured number of trusted proxies. */
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";
import type { AppEnv } from "../context.js";

/**
 * The client's address for rate limiting. Behind `trustProxy` proxies it is the address the outermost
 * trusted proxy saw: the `trustProxy`-th X-Forwarded-For entry from the right (entries further left
 * were written by the client and may be forged). Without trusted proxies the header is ignored and
 * the socket's address is used.
 * @example
 * clientAddress(c) // "203.0.113.7"
 */
export function clientAddress(c: Context<AppEnv>): string {
  const forwarded = forwardedFor(c.req.header("x-forwarded-for"), c.get("deps").trustProxy);
  if (forwarded) return forwarded;
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown"; // no socket (in-process requests)
  }
}

/**
 * The X-Forwarded-For entry written by the outermost of `trustProxy` trusted proxies, or undefined.
 * @example
 * forwardedFor("6.6.6.6, 203.0.113.7", 1) // "203.0.113.7" (the client forged 6.6.6.6)
 * forwardedFor("203.0.113.7, 10.0.0.2", 2) // "203.0.113.7"
 * forwardedFor("203.0.113.7", 0) // undefined
 */
export function forwardedFor(header: string | undefined, trustProxy: number): string | undefined {
  if (!header || trustProxy <= 0) return undefined;
  const hops = header
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean);
  if (!hops.length) return undefined;
  return hops[Math.max(0, hops.length - trustProxy)];
}
