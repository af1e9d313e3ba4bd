import { Group, Paper, Text, Timeline, Title } from '@mantine/core';
import type { HistoryEvent } from '../../api';
import { ExportLink } from '../../shared/ExportLink';
import { formatDateTime } from '../../shared/format';
import { stageName } from '../../shared/playbook';
import { EmptyState, ErrorState, LoadingState } from '../../shared/states';
import { frameworkOf } from '../../shared/words';
import { GateSnapshotView } from './GateSnapshotView';
import { describeEvent, type HistoryContext } from './history-words';
import { useHistory } from './queries';
import { useWorkspace } from './workspace-context';

/** The kind of each activity, as first logged: an edit's event records only what changed. */
function activityKinds(events: HistoryEvent[]): Map<string, string> {
  const kinds = new Map<string, string>();
  for (const event of events) {
    if (event.entityType !== 'activity') continue;
    const after = event.after as { kind?: unknown } | null;
    if (after && typeof after.kind === 'string') kinds.set(event.entityId, after.kind);
  }
  return kinds;
}

/**
 * Every change of the deal, newest first, in words — each changed field old → new, activities logged,
 * changed or deleted — with the gate snapshot stored with stage changes and type checks.
 */
export function HistoryTimeline() {
  const { playbook, pipeline, view, contacts, nameOf } = useWorkspace();
  const history = useHistory(view.opportunity.id);
  const lossReasonName = (key: string) =>
    playbook.lossReasons.find((reason) => reason.key === key)?.name ?? key;
  const elementName = (key: string) =>
    playbook.qualification.elements.find((element) => element.key === key)?.name ?? key;
  const kinds = activityKinds(history.data ?? []);
  const context: HistoryContext = {
    playbook,
    pipeline,
    currency: view.opportunity.currency,
    nameOf,
    contactName: (id) => contacts.find((contact) => contact.id === id)?.name ?? 'a former contact',
    activityKindOf: (id) => kinds.get(id),
  };
  return (
    <Paper withBorder p="md" radius="md" id="history">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h3">
          History
        </Title>
        <ExportLink
          path="/exports/history.csv"
          query={{ opportunityId: view.opportunity.id }}
          what="this deal's stage history"
        />
      </Group>
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
          {[...history.data].reverse().map((event) => {
            const described = describeEvent(event, context);
            return (
              <Timeline.Item
                key={event.id}
                title={described.title}
                data-testid="history-event"
                data-action={event.action}
              >
                {described.lines.map((line) => (
                  <Text size="xs" key={line}>
                    {line}
                  </Text>
                ))}
                <Text size="xs" c="dimmed">
                  {nameOf(event.actorId)} · {formatDateTime(event.occurredAt)}
                </Text>
                {event.gate && (
                  <GateSnapshotView
                    gate={event.gate}
                    stageName={(key) => stageName(playbook, pipeline.key, key)}
                    nameOf={nameOf}
                    lossReasonName={lossReasonName}
                    elementName={elementName}
                    framework={frameworkOf(playbook)}
                  />
                )}
              </Timeline.Item>
            );
          })}
        </Timeline>
      )}
    </Paper>
  );
}
