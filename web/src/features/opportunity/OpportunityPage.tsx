import { findPipeline, usePlaybook } from '../../shared/playbook';
import { EmptyState, ErrorState, LoadingState } from '../../shared/states';
import { useOpportunity } from './queries';
import { Workspace } from './Workspace';

/** The opportunity workspace: stage path, checklist, deal fields, MEDDPICC, history. */
export function OpportunityPage({ id }: { id: string }) {
  const playbook = usePlaybook();
  const deal = useOpportunity(id);
  if (playbook.isPending || deal.isPending) return <LoadingState label="Loading the deal…" />;
  if (playbook.isError) return <ErrorState title="Could not load the playbook" error={playbook.error} />;
  if (deal.isError) {
    return <ErrorState title="Could not load this deal" error={deal.error} onRetry={() => deal.refetch()} />;
  }
  const pipeline = findPipeline(playbook.data, deal.data.view.opportunity.pipeline);
  if (!pipeline)
    return <EmptyState title="Unknown pipeline">The playbook no longer has this deal's pipeline.</EmptyState>;
  return (
    <Workspace playbook={playbook.data} pipeline={pipeline} view={deal.data.view} etag={deal.data.etag} />
  );
}
