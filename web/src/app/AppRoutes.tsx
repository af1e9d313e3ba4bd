import { Redirect, Route, Switch } from 'wouter';
import { AccountPage, AccountsPage } from '../features/accounts';
import { BoardPage } from '../features/board';
import { OpportunityPage } from '../features/opportunity';
import { paths } from '../shared/paths';
import { EmptyState } from '../shared/states';

export function AppRoutes() {
  return (
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
      <Route>
        <EmptyState title="Nothing here">This address is not a page of Closepath.</EmptyState>
      </Route>
    </Switch>
  );
}
