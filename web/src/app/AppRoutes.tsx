import { lazy, Suspense } from 'react';
import { Redirect, Route, Switch } from 'wouter';
import { useSession } from '../features/auth';
import { BoardPage } from '../features/board';
import { paths } from '../shared/paths';
import { usePlaybook } from '../shared/playbook';
import { EmptyState, ErrorState, LoadingState } from '../shared/states';
import { landingPath, myDealsFirst, myDealsListFirst } from './landing';

// The board is where most people land; the other screens load when first opened.
const OpportunityPage = lazy(() =>
  import('../features/opportunity').then((m) => ({ default: m.OpportunityPage })),
);
const AccountsPage = lazy(() => import('../features/accounts').then((m) => ({ default: m.AccountsPage })));
const AccountPage = lazy(() => import('../features/accounts').then((m) => ({ default: m.AccountPage })));
const DealsAtRiskPage = lazy(() =>
  import('../features/at-risk').then((m) => ({ default: m.DealsAtRiskPage })),
);
const NewDealPage = lazy(() => import('../features/new-deal').then((m) => ({ default: m.NewDealPage })));
const DealsPage = lazy(() => import('../features/deals').then((m) => ({ default: m.DealsPage })));
const ApprovalsPage = lazy(() => import('../features/approvals').then((m) => ({ default: m.ApprovalsPage })));
const PlaybookPage = lazy(() => import('../features/playbook').then((m) => ({ default: m.PlaybookPage })));
const TerritoriesPage = lazy(() =>
  import('../features/territories').then((m) => ({ default: m.TerritoriesPage })),
);
const ForecastPage = lazy(() => import('../features/forecast').then((m) => ({ default: m.ForecastPage })));
const ForecastSettingsPage = lazy(() =>
  import('../features/forecast-settings').then((m) => ({ default: m.ForecastSettingsPage })),
);
const PipelineChangesPage = lazy(() =>
  import('../features/pipeline-changes').then((m) => ({ default: m.PipelineChangesPage })),
);
const FunnelPage = lazy(() => import('../features/funnel').then((m) => ({ default: m.FunnelPage })));
const RevenuePage = lazy(() => import('../features/revenue').then((m) => ({ default: m.RevenuePage })));
const ImportsPage = lazy(() => import('../features/imports').then((m) => ({ default: m.ImportsPage })));
const WebhooksPage = lazy(() => import('../features/webhooks').then((m) => ({ default: m.WebhooksPage })));

/** '/': where the signed-in user's role has its work (see landing.ts). */
function Landing() {
  const user = useSession().data?.user;
  const playbook = usePlaybook();
  if (playbook.isError) return <ErrorState title="Could not load the playbook" error={playbook.error} />;
  if (!user || !playbook.data) return <LoadingState label="Loading…" />;
  return <Redirect to={landingPath(user, playbook.data)} replace />;
}

function BoardRoute({ pipeline }: { pipeline: string }) {
  const role = useSession().data?.user.role;
  const playbook = usePlaybook().data;
  const mineFirst = Boolean(role && playbook && myDealsFirst(role, playbook, pipeline));
  return <BoardPage pipeline={pipeline} mineFirst={mineFirst} />;
}

function DealsRoute() {
  const role = useSession().data?.user.role;
  return <DealsPage mineFirst={Boolean(role && myDealsListFirst(role))} />;
}

export function AppRoutes() {
  return (
    <Suspense fallback={<LoadingState label="Loading…" />}>
      <Switch>
        <Route path={paths.home}>
          <Landing />
        </Route>
        <Route path="/board/:pipeline">{(params) => <BoardRoute pipeline={params.pipeline} />}</Route>
        <Route path="/opportunities/:id">{(params) => <OpportunityPage id={params.id} />}</Route>
        <Route path="/deals/new">
          <NewDealPage />
        </Route>
        <Route path="/deals">
          <DealsRoute />
        </Route>
        <Route path={paths.accounts}>
          <AccountsPage />
        </Route>
        <Route path="/accounts/:id">{(params) => <AccountPage id={params.id} />}</Route>
        <Route path={paths.atRisk}>
          <DealsAtRiskPage />
        </Route>
        <Route path={paths.forecast}>
          <ForecastPage />
        </Route>
        <Route path={paths.forecastSettings}>
          <ForecastSettingsPage />
        </Route>
        <Route path={paths.forecastChanges}>
          <PipelineChangesPage />
        </Route>
        <Route path={paths.funnel}>
          <FunnelPage />
        </Route>
        <Route path={paths.revenue}>
          <RevenuePage />
        </Route>
        <Route path={paths.approvals}>
          <ApprovalsPage />
        </Route>
        <Route path={paths.playbook}>
          <PlaybookPage />
        </Route>
        <Route path={paths.territories}>
          <TerritoriesPage />
        </Route>
        <Route path={paths.webhooks}>
          <WebhooksPage />
        </Route>
        <Route path={paths.imports}>
          <ImportsPage />
        </Route>
        <Route>
          <EmptyState title="Nothing here">This address is not a page of Closepath.</EmptyState>
        </Route>
      </Switch>
    </Suspense>
  );
}
