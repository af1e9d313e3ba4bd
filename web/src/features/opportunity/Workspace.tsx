import { Anchor, Badge, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'wouter';
import type { OpportunityView, Pipeline, Playbook } from '../../api';
import { formatDate, formatMoney, humanize } from '../../shared/format';
import { MoveReasonDialog } from '../../shared/MoveReasonDialog';
import { paths } from '../../shared/paths';
import { findStage } from '../../shared/playbook';
import { ErrorState } from '../../shared/states';
import { nameOf, useUsers } from '../../shared/users';
import { DealFields } from './DealFields';
import { HistoryTimeline } from './HistoryTimeline';
import { InspectionPanel } from './InspectionPanel';
import { MeddpiccScorecard } from './MeddpiccScorecard';
import { MeddpiccScorePanel } from './MeddpiccScorePanel';
import { MilestonesPanel } from './MilestonesPanel';
import { PocPanel } from './poc/PocPanel';
import { useAccountOf, useDealWrite, type Write } from './queries';
import { StageChecklist } from './StageChecklist';
import { StagePath } from './StagePath';
import { useFocus } from './use-focus';
import { useWorkspaceMove } from './use-workspace-move';
import { WorkspaceMissing } from './WorkspaceMissing';

interface Props {
  playbook: Playbook;
  pipeline: Pipeline;
  view: OpportunityView;
  etag: string | null;
}

export function Workspace({ playbook, pipeline, view, etag }: Props) {
  const { opportunity } = view;
  const users = useUsers();
  const account = useAccountOf(opportunity.accountId);
  const write = useDealWrite(opportunity.id, etag);
  const move = useWorkspaceMove(pipeline, opportunity);
  const focus = useFocus(true);
  const who = (id: string) => nameOf(users.data, id);
  const stage = findStage(pipeline, opportunity.stage);
  const next = view.nextStage ? findStage(pipeline, view.nextStage.stage) : undefined;
  const busy = write.isPending || move.busy;
  const criterion = (subpath: string) => `/criteria/${encodeURIComponent(subpath)}`;
  const onWrite = (change: Write, onSaved?: () => void) =>
    write.mutate(change, onSaved ? { onSuccess: onSaved } : undefined);
  const contacts = account.data?.contacts ?? [];

  return (
    <Stack gap="md">
      <Stack gap={2}>
        <Group gap="xs">
          <Anchor component={Link} href={paths.board(pipeline.key)} size="sm">
            ← {pipeline.name} board
          </Anchor>
          <Text size="sm" c="dimmed">
            ·
          </Text>
          <Anchor component={Link} href={paths.account(opportunity.accountId)} size="sm">
            {account.data?.account.name ?? 'Account'}
          </Anchor>
        </Group>
        <Group justify="space-between" align="flex-end">
          <Title order={1} size="h2">
            {opportunity.name}
          </Title>
          <Group gap="xs">
            <Badge variant="light">{humanize(opportunity.type)}</Badge>
            <Badge variant="light" color="gray">
              {opportunity.probability}% · {humanize(opportunity.forecastCategory)}
            </Badge>
            <Text size="sm">
              {formatMoney(opportunity.amountMinor, opportunity.currency)} · closes{' '}
              {formatDate(opportunity.closeDate)} · {who(opportunity.ownerId)}
            </Text>
          </Group>
        </Group>
      </Stack>
      <StagePath pipeline={pipeline} opportunity={opportunity} busy={busy} onPick={move.pick} />
      {move.blocked && (
        <WorkspaceMissing
          dealId={opportunity.id}
          toName={move.blocked.toName}
          missing={move.blocked.missing}
          onClose={move.dismiss}
        />
      )}
      {move.failure !== null && (
        <ErrorState title="The deal did not move" error={move.failure} onRetry={move.dismiss} />
      )}
      {write.isError && (
        <ErrorState title="The change was not saved" error={write.error} onRetry={() => write.reset()} />
      )}
      {stage && (
        <Paper withBorder p="md" radius="md" bg="gray.0">
          <Text fw={600} size="sm">
            {stage.name} — guidance
          </Text>
          <Text size="sm">{stage.description}</Text>
          {stage.milestones.length > 0 && (
            <Text size="xs" c="dimmed" mt={4}>
              Milestones:{' '}
              {stage.milestones
                .map((key) => playbook.milestones.find((m) => m.key === key)?.name ?? key)
                .join(', ')}
            </Text>
          )}
          {next && (
            <Text size="xs" mt={4}>
              <b>Next, {next.name}:</b> {next.description}
            </Text>
          )}
        </Paper>
      )}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <StageChecklist
            pipeline={pipeline}
            view={view}
            focus={focus}
            busy={busy}
            nameOf={who}
            onAttest={(key, note, evidenceUrl) =>
              write.mutate({ method: 'PUT', subpath: criterion(key), body: { note, evidenceUrl } })
            }
            onWithdraw={(key) => write.mutate({ method: 'DELETE', subpath: criterion(key) })}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <DealFields
            key={opportunity.version}
            opportunity={opportunity}
            types={playbook.opportunityTypes.filter((type) => type.pipeline === pipeline.key)}
            focus={focus}
            busy={write.isPending}
            onSave={(changes) => write.mutate({ method: 'PATCH', subpath: '', body: changes })}
          />
        </Grid.Col>
      </Grid>
      <InspectionPanel id={opportunity.id} />
      <MeddpiccScorePanel id={opportunity.id} pipeline={pipeline} />
      <MeddpiccScorecard
        playbook={playbook}
        pipeline={pipeline}
        view={view}
        contacts={contacts}
        focus={focus}
        busy={busy}
        onSave={(element, value) =>
          write.mutate({ method: 'PUT', subpath: `/meddpicc/${encodeURIComponent(element)}`, body: value })
        }
      />
      <PocPanel
        playbook={playbook}
        pipeline={pipeline}
        opportunity={opportunity}
        contacts={contacts}
        busy={busy}
        nameOf={who}
        onWrite={onWrite}
      />
      <MilestonesPanel
        playbook={playbook}
        pipeline={pipeline}
        opportunity={opportunity}
        milestones={view.milestones}
        busy={busy}
        nameOf={who}
        onWrite={onWrite}
      />
      <HistoryTimeline id={opportunity.id} pipeline={pipeline.key} playbook={playbook} nameOf={who} />
      {move.asked && (
        <MoveReasonDialog
          playbook={playbook}
          kind={move.asked.kind}
          dealName={opportunity.name}
          toName={move.asked.toName}
          onCancel={move.cancel}
          onConfirm={move.confirm}
        />
      )}
    </Stack>
  );
}
