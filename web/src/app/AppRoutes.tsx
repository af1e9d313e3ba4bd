import { lazy, Suspense } from 'react';
import { Redirect, Route, Switch } from 'wouter';
import { BoardPage } from '../features/board';
import { paths } from '../shared/paths';
import { EmptyState, LoadingState } from '../shared/states';

// The board is where people land; the workspace, the accounts and the deals at risk load when first opened.
const OpportunityPage = lazy(() =>
  import('../features/opportunity').then((m) => ({ default: m.OpportunityPage })),
);
const AccountsPage = lazy(() => import('../features/accounts').then((m) => ({ default: m.AccountsPage })));
const AccountPage = lazy(() => import('../features/accounts').then((m) => ({ default: m.AccountPage })));
const DealsAtRiskPage = lazy(() =>
  import('../features/at-risk').then((m) => ({ default: m.DealsAtRiskPage })),
);

export function AppRoutes() {
  return (
    <Suspense fallback={<LoadingState label="Loading…" />}>
      <Switch>
        <Route path="/">
          <Redirect to={paths.board('new_business')} replace />
        </Route>
        <Route path="/board/:pipeline">{(params) => <BoardPage pipeline={params.pipeline} />}</Route>
        <Route path="/opportunities/:id">{(params) => <OpportunityPage id={params.id} />}</Route>
        <Route path="/accounts">
          <AccountsPage />
        </Route>
        <Route path="/accounts/:id">{(params) => <AccountPage id={params.id} />}</Route>
        <Route path={paths.atRisk}>
          <DealsAtRiskPage />
        </Route>
        <Route>
          <EmptyState title="Nothing here">This address is not a page of Closepath.</EmptyState>
        </Route>
      </Switch>
    </Suspense>
  );
}
