/**
 * The app itself (React, the query client, i18n), loaded by src/main.tsx right after the first
 * requests went out (src/boot.ts).
 */
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { localeReady } from "./i18n";
import { App } from "./App";
import { ApiError } from "./api/http";

const queryClient: QueryClient = new QueryClient({
  // A 401 anywhere means the session ended: forget the user, so guarded pages send them to sign in.
  queryCache: new QueryCache({
    onError: (err, query) => {
      if (err instanceof ApiError && err.status === 401 && query.queryKey[0] !== "session") queryClient.setQueryData(["session"], null);
    },
  }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // 4xx answers are final; retry network and server errors once, and a busy server (503, its
      // database queue full) up to three times, waiting as its Retry-After asks (1 s, then longer).
      retry: (count, err) =>
        err instanceof ApiError && err.status === 503 ? count < 3 : !(err instanceof ApiError && err.status < 500) && count < 1,
      retryDelay: (count, err) =>
        err instanceof ApiError && err.status === 503 ? 1000 * (count + 1) : Math.min(1000 * 2 ** count, 30_000),
    },
  },
});

function render(): void {
  const root = document.getElementById("root");
  if (root)
    createRoot(root).render(
      <StrictMode>
        <QueryClientProvider client={queryClient}>
          <App />
        </QueryClientProvider>
      </StrictMode>,
    );
}

// An English user's strings first (a failed load renders in Vietnamese, the fallback).
if (localeReady) void localeReady.then(render, render);
else render();
