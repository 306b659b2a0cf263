import type { NtmClient } from "@ntm/client";
import type { Ctx } from "./context.js";
import { CliError } from "./exit.js";
import { problemError, tokenFor } from "./http.js";

let cached: { key: string; client: NtmClient } | undefined;

/**
 * The typed API client (@ntm/client) for the chosen server and token, loaded on first use so that the
 * offline commands never depend on it.
 * @example
 * const api = await typedClient(ctx);
 * const res = await call(ctx, api.GET("/v1/units", { params: { query: {} } }));
 */
export async function typedClient(ctx: Ctx): Promise<NtmClient> {
  const token = tokenFor(ctx);
  const key = `${ctx.server}\u0000${token ?? ""}`;
  if (cached?.key === key) return cached.client;
  let mod: typeof import("@ntm/client");
  try {
    mod = await import("@ntm/client");
  } catch (e) {
    throw new CliError("server", [
      {
        where: "@ntm/client",
        message: `chưa build gói @ntm/client (chạy \`npx turbo run build --filter=@ntm/cli...\`) / the API client package is not built: ${(e as Error).message}`,
      },
    ]);
  }
  const client = mod.createNtmClient({ baseUrl: ctx.server, ...(token ? { token } : {}) });
  cached = { key, client };
  return client;
}

/**
 * Awaits a typed-client call and returns its data; an unreachable server, a problem+json or any
 * error status becomes a CliError with the same exit-code mapping as every other command.
 * @example
 * const { data } = await call(ctx, api.GET("/v1/auth/me"));
 */
export async function call<T>(
  ctx: Ctx,
  pending: Promise<{ data?: T; error?: unknown; response: Response }>,
  file?: string,
): Promise<{ data: T; response: Response }> {
  let r: { data?: T; error?: unknown; response: Response };
  try {
    r = await pending;
  } catch (e) {
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    throw new CliError("network", [
      {
        where: ctx.server,
        message: `không kết nối được máy chủ / cannot reach the server: ${cause?.code ?? cause?.message ?? (e as Error).message}`,
      },
    ]);
  }
  if (!r.response.ok || r.error !== undefined) throw problemError(ctx, r.response.status, r.error, file);
  return { data: r.data as T, response: r.response };
}
