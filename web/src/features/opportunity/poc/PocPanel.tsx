import { Badge, Button, Group, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import type { Opportunity, Pipeline, Playbook, PocView, Stage } from '../../../api';
import { humanize } from '../../../shared/format';
import { WhoMay } from '../../../shared/permission';
import { findStage } from '../../../shared/playbook';
import { ErrorState, LoadingState } from '../../../shared/states';
import { usePocPlan } from '../queries';
import { WriteError } from '../WriteError';
import { useWorkspace, useWrite } from '../workspace-context';
import { PocBenchmarks } from './PocBenchmarks';
import { PocCriteria } from './PocCriteria';
import { PocSessions } from './PocSessions';
import { PocSignOff } from './PocSignOff';
import { pocPath, sessionTemplates } from './poc-write';

const STATUS_COLORS = {
  none: 'gray',
  planned: 'blue',
  in_progress: 'indigo',
  succeeded: 'green',
  challenged: 'red',
} as const;

/** Why a deal of a POC pipeline cannot have a POC plan yet, or null when it can. */
function whyNoPlan(pipeline: Pipeline, fromStage: Stage, opportunity: Opportunity): string | null {
  const open = pipeline.stages.filter((stage) => stage.outcome === 'open');
  const at = open.findIndex((stage) => stage.key === opportunity.stage);
  if (at < 0) return 'The deal closed without a POC plan.';
  if (at < open.indexOf(fromStage)) return `A POC plan is created once the deal reaches ${fromStage.name}.`;
  return null;
}

/** The stage from which the playbook's POC method applies; undefined for a pipeline that does not run it. */
export function pocFromStage(playbook: Playbook, pipeline: Pipeline): Stage | undefined {
  const poc = playbook.inspection.poc;
  if (!poc?.pipelines.includes(pipeline.key)) return undefined;
  return findStage(pipeline, poc.availableFromStage);
}

function Assessment({ view }: { view: PocView }) {
  const { assessment } = view;
  return (
    <Stack gap={2} data-testid="poc-assessment">
      <Group gap="xs">
        <Badge color={STATUS_COLORS[assessment.status]} variant="light" data-testid="poc-status">
          {humanize(assessment.status)}
        </Badge>
        <Text size="xs">
          {assessment.sessions.completed} of {assessment.sessions.total} sessions held ·{' '}
          {assessment.criteria.met} of {assessment.criteria.total} criteria met
          {assessment.criteria.notMet > 0 && ` · ${assessment.criteria.notMet} not met`} · plan{' '}
          {assessment.planSignedOff ? 'signed off' : 'not signed off'} · readout{' '}
          {assessment.readoutCompleted ? 'done' : 'not yet'}
        </Text>
      </Group>
      {/* Planned / in progress: the reason is the progress line above; challenges and success say more. */}
      {(assessment.status === 'challenged' || assessment.status === 'succeeded') &&
        assessment.reasons.map((reason) => (
          <Text key={reason} size="xs" c={assessment.status === 'challenged' ? 'red.8' : 'dimmed'}>
            {reason}
          </Text>
        ))}
    </Stack>
  );
}

/**
 * The playbook's POC method for this deal: its sessions with their timed agendas, its success criteria in
 * its groups, benchmarks and TCO, the Champion's sign-off of the Mutual POC Success Plan, and the readout.
 * What is recorded here is what the POC stage's derived criteria and the deal's health read.
 */
export function PocPanel() {
  const { playbook, pipeline, view, busy } = useWorkspace();
  const { opportunity, permissions } = view;
  const poc = usePocPlan(opportunity.id);
  const create = useWrite();
  // Pipelines without the POC method (Renewal) show no panel; an early or closed deal says why there is none.
  const fromStage = pocFromStage(playbook, pipeline);
  if (!fromStage) return null;
  const why = whyNoPlan(pipeline, fromStage, opportunity);
  const sessions = sessionTemplates(playbook).length;
  return (
    <Paper withBorder p="md" radius="md" id="poc" data-testid="poc-panel">
      <Title order={2} size="h3">
        POC plan
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        {sessions > 0 ? `${sessions} sessions` : 'Sessions'} proving {playbook.company} on the customer's
        workload against success criteria agreed up front. The POC stage's criteria (plan signed off, results
        meet criteria, readout) are read from here.
      </Text>
      <WhoMay permission={permissions.qualify} what="Change the POC plan" />
      {poc.isPending && <LoadingState label="Reading the POC plan…" />}
      {poc.isError && (
        <ErrorState title="Could not read the POC plan" error={poc.error} onRetry={() => poc.refetch()} />
      )}
      {poc.data === null && why && <Text size="sm">{why}</Text>}
      {poc.data === null && !why && (
        <Stack gap="xs" align="flex-start">
          <Text size="sm">
            No POC plan yet.
            {permissions.qualify.allowed &&
              " Create it from the playbook's template: the sessions with their agendas and the success criteria, ready to schedule and fill in."}
          </Text>
          {permissions.qualify.allowed && (
            <Button
              size="xs"
              loading={create.isPending}
              disabled={busy}
              onClick={() => create.mutate({ method: 'POST', subpath: pocPath.plan })}
              data-requires="qualify"
            >
              Create POC plan
            </Button>
          )}
          <WriteError error={create.error} />
        </Stack>
      )}
      {poc.data && (
        <Stack gap="sm">
          <Assessment view={poc.data} />
          <Tabs defaultValue="sessions" keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="sessions">Sessions</Tabs.Tab>
              <Tabs.Tab value="criteria">Success criteria</Tabs.Tab>
              <Tabs.Tab value="benchmarks">Benchmarks and TCO</Tabs.Tab>
              <Tabs.Tab value="sign-off">Sign-off and readout</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="sessions" pt="sm">
              <PocSessions plan={poc.data.plan} />
            </Tabs.Panel>
            <Tabs.Panel value="criteria" pt="sm">
              <PocCriteria plan={poc.data.plan} />
            </Tabs.Panel>
            <Tabs.Panel value="benchmarks" pt="sm">
              <PocBenchmarks plan={poc.data.plan} />
            </Tabs.Panel>
            <Tabs.Panel value="sign-off" pt="sm">
              <PocSignOff plan={poc.data.plan} />
            </Tabs.Panel>
          </Tabs>
        </Stack>
      )}
    </Paper>
  );
}
