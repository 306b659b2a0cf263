import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import "./i18n";
import "./styles.css";
import { App } from "./App";
import { ApiError } from "./api/http";
import { preloadRoute } from "./routes/preload";

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
      // 4xx answers are final; retry only network and server errors, once.
      retry: (count, err) => !(err instanceof ApiError && err.status < 500) && count < 1,
    },
  },
});

// The first page's chunk and session-free requests go out now, with the session check.
preloadRoute(window.location.pathname, window.location.search.slice(1), null, queryClient);

const root = document.getElementById("root");
if (root)
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </StrictMode>
  );
