import { createContext, useContext, useMemo, type ReactNode } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError, setCsrfToken } from "../api/http";
import { api, must } from "../api/client";
import type { Role, Session, SessionUser } from "../api/types";
import { capabilitiesOf, type Capabilities } from "../lib/roles";

interface SessionState {
  user: SessionUser | null;
  can: Capabilities;
  loading: boolean;
  error: unknown;
  signIn: (username: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

function normalise(data: unknown): Session | null {
  if (!data || typeof data !== "object") return null;
  const d = data as Record<string, unknown>;
  const u = (d["user"] ?? d) as Record<string, unknown>;
  if (typeof u["id"] !== "string" && typeof u["username"] !== "string") return null;
  const user: SessionUser = {
    id: String(u["id"] ?? u["username"]),
    username: String(u["username"] ?? u["id"]),
    displayName: String(u["displayName"] ?? u["name"] ?? u["username"]),
    role: String(u["role"]) as Role,
    scopeUnitId: String(u["scopeUnitId"] ?? (u["scope"] as Record<string, unknown> | undefined)?.["unitId"] ?? ""),
  };
  const scopeName = u["scopeUnitName"] ?? (u["scopeUnit"] as Record<string, unknown> | undefined)?.["name"];
  if (typeof scopeName === "string") user.scopeUnitName = scopeName;
  const scopeLevel = u["scopeUnitLevel"] ?? (u["scopeUnit"] as Record<string, unknown> | undefined)?.["level"];
  if (typeof scopeLevel === "string") user.scopeUnitLevel = scopeLevel;
  const csrf = d["csrfToken"] ?? d["csrf"];
  return { user, csrfToken: typeof csrf === "string" ? csrf : "" };
}

async function fetchSession(): Promise<Session | null> {
  try {
    const s = normalise(await must(api.GET("/v1/auth/me")));
    setCsrfToken(s?.csrfToken ?? null);
    return s;
  } catch (e) {
    if (e instanceof ApiError && (e.status === 401 || e.status === 403)) {
      setCsrfToken(null);
      return null;
    }
    throw e;
  }
}

/** Holds the signed-in user for the whole app; pages read it with {@link useSession}. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ["session"], queryFn: fetchSession, staleTime: 5 * 60_000 });
  const login = useMutation({
    mutationFn: async ({ username, password }: { username: string; password: string }) => {
      const s = normalise(await must(api.POST("/v1/auth/login", { body: { username, password } })));
      setCsrfToken(s?.csrfToken ?? null);
      // Some servers answer the login without the user: read the session then.
      return s && s.csrfToken ? s : await fetchSession();
    },
    onSuccess: (s) => {
      // Data of the previous user must not leak into the new session.
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== "session" });
      qc.setQueryData(["session"], s);
    },
  });
  const logout = useMutation({
    mutationFn: async () => {
      try {
        await api.POST("/v1/auth/logout");
      } catch {
        /* the cookie may be gone already; sign out locally anyway */
      }
      setCsrfToken(null);
    },
    onSuccess: () => {
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== "session" });
      qc.setQueryData(["session"], null);
    },
  });
  const value = useMemo<SessionState>(() => {
    const user = q.data?.user ?? null;
    return {
      user,
      can: capabilitiesOf(user),
      loading: q.isPending,
      error: q.error,
      signIn: async (username, password) => {
        await login.mutateAsync({ username, password });
      },
      signOut: async () => {
        await logout.mutateAsync();
      },
    };
  }, [q.data, q.isPending, q.error, login, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The signed-in user and what they may do. */
export function useSession(): SessionState {
  const s = useContext(SessionContext);
  if (!s) throw new Error("useSession outside SessionProvider");
  return s;
}
