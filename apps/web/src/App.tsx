import { lazy, Suspense, type ComponentType } from "react";
import { Redirect, Route, Switch, useLocation } from "wouter";
import { useTranslation } from "react-i18next";
import { SessionProvider, useSession } from "./auth/session";
import { Layout } from "./components/Layout";
import { ErrorState, Loading } from "./components/States";
import { ErrorBoundary } from "./components/ErrorBoundary";

// Route-level code splitting: each page is its own chunk.
const SignIn = lazy(() => import("./pages/SignIn"));
const Overview = lazy(() => import("./pages/Overview"));
const Commune = lazy(() => import("./pages/Commune"));
const DataEntry = lazy(() => import("./pages/DataEntry"));
const Plan = lazy(() => import("./pages/Plan"));
const PlanCreate = lazy(() => import("./pages/PlanEditor").then((m) => ({ default: m.PlanCreate })));
const PlanEdit = lazy(() => import("./pages/PlanEditor").then((m) => ({ default: m.PlanEdit })));
const Dossiers = lazy(() => import("./pages/Dossiers"));
const Ranking = lazy(() => import("./pages/Ranking"));
const Lists = lazy(() => import("./pages/Lists"));
const Packs = lazy(() => import("./pages/Packs"));
const Audit = lazy(() => import("./pages/Audit"));
const Units = lazy(() => import("./pages/Units"));
const Public = lazy(() => import("./pages/Public"));
const Setup = lazy(() => import("./pages/Setup"));
const Users = lazy(() => import("./pages/Users"));

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
  const { can } = useSession();
  const { t } = useTranslation();
  const [location] = useLocation();
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
            <Route path="/plan/new">{() => <Guarded component={PlanCreate} allowed={can.planWrite} />}</Route>
            <Route path="/plan/edit/:id">{() => <Guarded component={PlanEdit} allowed={can.planWrite} />}</Route>
            <Route path="/dossiers">{() => <Guarded component={Dossiers} />}</Route>
            <Route path="/ranking">{() => <Guarded component={Ranking} allowed={can.ranking} />}</Route>
            <Route path="/lists/:kind">{() => <Guarded component={Lists} />}</Route>
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
