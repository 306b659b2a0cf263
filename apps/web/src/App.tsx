import { lazy, Suspense, useEffect, type ComponentType } from "react";
import { Redirect, Route, Switch, useLocation, useSearch } from "wouter";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { SessionProvider, useSession } from "./auth/session";
import { Layout } from "./components/Layout";
import { ErrorState, Loading } from "./components/States";
import { ErrorBoundary } from "./components/ErrorBoundary";
import { pages, preloadRoute } from "./routes/preload";

// Route-level code splitting: each page is its own chunk, preloaded with its data (routes/preload.ts).
const SignIn = lazy(pages.SignIn);
const Overview = lazy(pages.Overview);
const Commune = lazy(pages.Commune);
const DataEntry = lazy(pages.DataEntry);
const Plan = lazy(pages.Plan);
const PlanCreate = lazy(() => import("./pages/PlanEditor").then((m) => ({ default: m.PlanCreate })));
const PlanEdit = lazy(() => import("./pages/PlanEditor").then((m) => ({ default: m.PlanEdit })));
const Dossiers = lazy(pages.Dossiers);
const Ranking = lazy(pages.Ranking);
const Lists = lazy(pages.Lists);
const Packs = lazy(pages.Packs);
const Audit = lazy(pages.Audit);
const Units = lazy(pages.Units);
const Public = lazy(pages.Public);
const Setup = lazy(() => import("./pages/Setup"));
const Users = lazy(() => import("./pages/Users"));
const Emulation = lazy(() => import("./pages/Emulation"));
const ReportNarratives = lazy(() => import("./pages/ReportNarratives"));
const Steering = lazy(() => import("./pages/Steering"));

function Guarded({ component: C, allowed = true }: { component: ComponentType; allowed?: boolean }) {
  const { user, loading, error } = useSession();
  const [location] = useLocation();
  const { t } = useTranslation();
  if (loading) return <Loading />;
  if (error) return <ErrorState error={error} />;
  if (!user) return <Redirect to={`/sign-in?next=${encodeURIComponent(location)}`} />;
  if (!allowed) return <ErrorState error={new Error(t("state.forbiddenRole"))} />;
  return <C />;
}

function Home() {
  const { user, can, loading } = useSession();
  if (loading) return <Loading />;
  if (!user) return <Redirect to="/sign-in" />;
  return <Redirect to={can.overview ? "/overview" : `/communes/${encodeURIComponent(user.scopeUnitId)}`} />;
}

function Routes() {
  const { can, user } = useSession();
  const { t } = useTranslation();
  const [location] = useLocation();
  const search = useSearch();
  const qc = useQueryClient();
  // At each navigation, and once the session is known: the page's chunk and data start together.
  useEffect(() => preloadRoute(location, search, user, qc), [location, search, user, qc]);
  return (
    <Layout>
      {/* Keyed by location: a page that failed does not keep the next page from rendering. */}
      <ErrorBoundary key={location}>
        <Suspense fallback={<Loading />}>
          <Switch>
            <Route path="/" component={Home} />
            <Route path="/sign-in" component={SignIn} />
            {/* First run: the one-time setup link (no sign-in; refused once an administrator exists). */}
            <Route path="/setup" component={Setup} />
            {/* Published results: no sign-in (citizens, the press). */}
            <Route path="/cong-khai/:unitId?/:year?/:communeId?" component={Public} />
            <Route path="/overview/:unitId?">{() => <Guarded component={Overview} allowed={can.overview} />}</Route>
            <Route path="/communes/:id">{() => <Guarded component={Commune} />}</Route>
            <Route path="/data-entry/:id?">{() => <Guarded component={DataEntry} allowed={can.editValues} />}</Route>
            <Route path="/plan">{() => <Guarded component={Plan} />}</Route>
            <Route path="/plan/new">{() => <Guarded component={PlanCreate} allowed={can.planWrite || can.planImplement} />}</Route>
            <Route path="/plan/edit/:id">{() => <Guarded component={PlanEdit} allowed={can.planWrite || can.planImplement} />}</Route>
            <Route path="/steering">{() => <Guarded component={Steering} />}</Route>
            <Route path="/dossiers">{() => <Guarded component={Dossiers} />}</Route>
            <Route path="/ranking">{() => <Guarded component={Ranking} allowed={can.ranking} />}</Route>
            <Route path="/lists/:kind">{() => <Guarded component={Lists} />}</Route>
            <Route path="/emulation/:tab?">{() => <Guarded component={Emulation} />}</Route>
            <Route path="/report-narratives">{() => <Guarded component={ReportNarratives} />}</Route>
            <Route path="/packs">{() => <Guarded component={Packs} />}</Route>
            <Route path="/audit">{() => <Guarded component={Audit} allowed={can.inspect} />}</Route>
            <Route path="/units">{() => <Guarded component={Units} />}</Route>
            <Route path="/users">{() => <Guarded component={Users} allowed={can.manageUsers} />}</Route>
            <Route>
              <ErrorState error={new Error(t("state.pageNotFound"))} />
            </Route>
          </Switch>
        </Suspense>
      </ErrorBoundary>
    </Layout>
  );
}

/** The web app: session, layout and lazily loaded pages. */
export function App() {
  return (
    <SessionProvider>
      <Routes />
    </SessionProvider>
  );
}
