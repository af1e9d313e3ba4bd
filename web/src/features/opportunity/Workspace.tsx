import { Anchor, Badge, Box, Grid, Group, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { Link } from 'wouter';
import type { OpportunityView, Pipeline, Playbook } from '../../api';
import { businessDaysLabel, businessDaysSince, formatDate, formatMoney, humanize } from '../../shared/format';
import { MoveReasonDialog } from '../../shared/MoveReasonDialog';
import { paths } from '../../shared/paths';
import { WhoMay } from '../../shared/permission';
import { findStage } from '../../shared/playbook';
import { ErrorState } from '../../shared/states';
import { nameOf, useUsers } from '../../shared/users';
import { frameworkOf } from '../../shared/words';
import { ActivityPanel } from './ActivityPanel';
import { ClosingPanel, offersFromStage } from './closing';
import { DealFields } from './DealFields';
import { isTab, TABS, type TabKey } from './focus';
import { HistoryTimeline } from './HistoryTimeline';
import { InspectionPanel } from './InspectionPanel';
import { MeddpiccScorecard } from './MeddpiccScorecard';
import { MeddpiccScorePanel } from './MeddpiccScorePanel';
import { MilestonesPanel } from './MilestonesPanel';
import { OverrideDialog } from './OverrideDialog';
import { PocPanel, pocFromStage } from './poc/PocPanel';
import { useAccountOf, useDealWritePending } from './queries';
import { ReadinessBadge, StageChecklist } from './StageChecklist';
import { StagePath } from './StagePath';
import { useWorkspaceFocus } from './use-focus';
import { useWorkspaceMove } from './use-workspace-move';
import { WorkspaceMissing } from './WorkspaceMissing';
import { useWorkspace, WorkspaceProvider, type WorkspaceValue } from './workspace-context';

interface Props {
  playbook: Playbook;
  pipeline: Pipeline;
  view: OpportunityView;
  etag: string | null;
}

/** The tabs' names; the qualification tab is named by the playbook's framework (MEDDPICC, BANT, …). */
const tabLabels = (framework: string): Record<TabKey, string> => ({
  overview: 'Overview',
  qualification: framework,
  poc: 'POC plan',
  closing: 'Closing',
  activity: 'Activity',
  history: 'History',
});

/** The stage's guidance from the playbook: what it means, its milestones, and what the next stage asks. */
function Guidance() {
  const { playbook, pipeline, view } = useWorkspace();
  const stage = findStage(pipeline, view.opportunity.stage);
  const next = view.nextStage ? findStage(pipeline, view.nextStage.stage) : undefined;
  if (!stage) return null;
  return (
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
  );
}

/**
 * The opportunity workspace: the header and the stage path stay in view (sticky) while the tabs below hold
 * the checklist and deal fields, the qualification (MEDDPICC, BANT, …), the POC plan, the activity and the history. Every control follows
 * the caller's rights on the deal (`view.permissions`): what they may not use is not offered, and the place
 * says who may.
 */
export function Workspace({ playbook, pipeline, view, etag }: Props) {
  const { opportunity, permissions } = view;
  const users = useUsers();
  const account = useAccountOf(opportunity.accountId);
  const move = useWorkspaceMove(pipeline, opportunity);
  const writing = useDealWritePending(opportunity.id);
  const busy = writing || move.busy;
  const hasPoc = pocFromStage(playbook, pipeline) !== undefined;
  const hasClosing = offersFromStage(playbook, pipeline) !== undefined;
  const tabs = TABS.filter((tab) => (tab !== 'poc' || hasPoc) && (tab !== 'closing' || hasClosing));
  const { focus, tab, setTab } = useWorkspaceFocus(tabs);
  const who = (id: string) => nameOf(users.data, id);
  const stage = findStage(pipeline, opportunity.stage);
  const open = stage?.outcome === 'open';
  const movePermission = open ? permissions.moveStage : permissions.reopen;
  const value: WorkspaceValue = {
    playbook,
    pipeline,
    view,
    etag,
    account: account.data,
    contacts: account.data?.contacts ?? [],
    busy,
    focus,
    nameOf: who,
  };

  return (
    <WorkspaceProvider value={value}>
      {/* Every tab stays mounted and reads its data (hidden with display: none): a half-typed form survives a
          look at another tab, and a link into a tab finds its item at once. */}
      <Tabs
        value={tab}
        onChange={(next) => isTab(next) && setTab(next)}
        keepMounted
        keepMountedMode="display-none"
      >
        {/* Sticky from small tablets up; on a phone the header would take most of the screen. */}
        <Box
          pos={{ base: 'static', sm: 'sticky' }}
          top="var(--app-shell-header-offset, 56px)"
          bg="white"
          pt={4}
          style={{ zIndex: 50, borderBottom: '1px solid var(--mantine-color-gray-3)' }}
          data-testid="workspace-header"
        >
          <Stack gap={6}>
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
              {view.renews && (
                <Text size="sm" c="dimmed" data-testid="renews-contract">
                  · renews the contract of {formatDate(view.renews.startDate)} –{' '}
                  {formatDate(view.renews.endDate)} ({formatMoney(view.renews.tcvMinor, view.renews.currency)}{' '}
                  TCV)
                </Text>
              )}
            </Group>
            <Group justify="space-between" align="flex-end" gap="xs">
              <Title order={1} size="h2">
                {opportunity.name}
              </Title>
              <Group gap="xs">
                <Badge variant="light">
                  {playbook.opportunityTypes.find((type) => type.key === opportunity.type)?.name ??
                    humanize(opportunity.type)}
                </Badge>
                <Badge variant="light" color="gray">
                  {opportunity.probability}% · {humanize(opportunity.forecastCategory)}
                </Badge>
                <Text size="sm">
                  {formatMoney(opportunity.amountMinor, opportunity.currency)} · closes{' '}
                  {formatDate(opportunity.closeDate)} · {who(opportunity.ownerId)}
                </Text>
                {open && stage && (
                  <Text size="sm" c="dimmed" data-testid="days-in-stage">
                    {businessDaysLabel(businessDaysSince(opportunity.stageEnteredAt))} in {stage.name}
                  </Text>
                )}
              </Group>
            </Group>
            <Group gap="sm" wrap="nowrap" align="center">
              <Box style={{ flex: 1, minWidth: 0 }}>
                <StagePath
                  pipeline={pipeline}
                  opportunity={opportunity}
                  busy={busy}
                  permission={movePermission}
                  onPick={move.pick}
                />
              </Box>
              <ReadinessBadge view={view} testId="next-stage-ready" />
            </Group>
            <WhoMay permission={movePermission} what={open ? 'Move the deal' : 'Reopen the deal'} />
            {move.blocked && (
              <WorkspaceMissing
                pipeline={pipeline}
                toName={move.blocked.toName}
                missing={move.blocked.missing}
                reachable={move.blocked.reachable === undefined ? view.reachable : move.blocked.reachable}
                override={permissions.override}
                busy={busy}
                onOverride={move.askOverride}
                onClose={move.dismiss}
              />
            )}
            {move.failure !== null && (
              <ErrorState title="The deal did not move" error={move.failure} onRetry={move.dismiss} />
            )}
            <Tabs.List aria-label="Parts of the deal">
              {tabs.map((key) => (
                <Tabs.Tab key={key} value={key}>
                  {tabLabels(frameworkOf(playbook))[key]}
                </Tabs.Tab>
              ))}
            </Tabs.List>
          </Stack>
        </Box>

        <Tabs.Panel value="overview" pt="md">
          <Stack gap="md">
            <Guidance />
            <Grid gap="md">
              <Grid.Col span={{ base: 12, md: 7 }}>
                <StageChecklist />
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 5 }}>
                <DealFields key={opportunity.version} />
              </Grid.Col>
            </Grid>
            <InspectionPanel id={opportunity.id} />
            <MilestonesPanel />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="qualification" pt="md">
          <Stack gap="md">
            <MeddpiccScorePanel id={opportunity.id} pipeline={pipeline} />
            <MeddpiccScorecard />
          </Stack>
        </Tabs.Panel>
        {hasPoc && (
          <Tabs.Panel value="poc" pt="md">
            <PocPanel />
          </Tabs.Panel>
        )}
        {hasClosing && (
          <Tabs.Panel value="closing" pt="md">
            <ClosingPanel />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="activity" pt="md">
          <ActivityPanel />
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <HistoryTimeline />
        </Tabs.Panel>
      </Tabs>
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
      {move.overriding && move.blocked && (
        <OverrideDialog
          dealName={opportunity.name}
          toName={move.blocked.toName}
          onCancel={move.cancelOverride}
          onConfirm={move.confirmOverride}
        />
      )}
    </WorkspaceProvider>
  );
}
