import { Paper, Text, Timeline, Title } from '@mantine/core';
import type { HistoryEvent, Playbook } from '../../api';
import { formatDateTime, humanize } from '../../shared/format';
import { stageName } from '../../shared/playbook';
import { EmptyState, ErrorState, LoadingState } from '../../shared/states';
import { GateSnapshotView } from './GateSnapshotView';
import { useHistory } from './queries';

interface Props {
  id: string;
  pipeline: string;
  playbook: Playbook;
  nameOf: (userId: string) => string;
}

function describe(event: HistoryEvent): string {
  const [, verb = event.action] = event.action.split('.');
  const changed = event.after && typeof event.after === 'object' ? Object.keys(event.after) : [];
  const fields =
    event.action === 'opportunity.updated' && changed.length > 0
      ? `: ${changed.map(humanize).join(', ')}`
      : '';
  return `${humanize(verb)}${fields}`;
}

/** Every change of the deal, newest first; stage changes with the gate snapshot stored with them. */
export function HistoryTimeline({ id, pipeline, playbook, nameOf }: Props) {
  const history = useHistory(id);
  const lossReasonName = (key: string) =>
    playbook.lossReasons.find((reason) => reason.key === key)?.name ?? key;
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} size="h3" mb="sm">
        History
      </Title>
      {history.isPending && <LoadingState label="Loading the history…" />}
      {history.isError && (
        <ErrorState
          title="Could not load the history"
          error={history.error}
          onRetry={() => history.refetch()}
        />
      )}
      {history.data?.length === 0 && <EmptyState title="No changes yet" />}
      {history.data && history.data.length > 0 && (
        <Timeline bulletSize={14} lineWidth={2} data-testid="history">
          {[...history.data].reverse().map((event) => (
            <Timeline.Item key={event.id} title={describe(event)} data-testid="history-event">
              <Text size="xs" c="dimmed">
                {nameOf(event.actorId)} · {formatDateTime(event.occurredAt)}
              </Text>
              {event.gate && (
                <GateSnapshotView
                  gate={event.gate}
                  stageName={(key) => stageName(playbook, pipeline, key)}
                  nameOf={nameOf}
                  lossReasonName={lossReasonName}
                />
              )}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Paper>
  );
}
