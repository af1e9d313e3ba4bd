import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'wouter';
import type { Criterion, OpportunityView, Permission, Pipeline, RequirementCheck, Stage } from '../../api';
import { WhoMay } from '../../shared/permission';
import { findStage } from '../../shared/playbook';
import { CriterionRow } from './CriterionRow';
import { fixFocus } from './focus';
import { useFocusHref, useWorkspace } from './workspace-context';

interface Section {
  title: string;
  criteria: Criterion[];
  checks: RequirementCheck[];
  pendingNote: string;
  /** Whether a derived criterion without a verdict still links to where it is met (not once passed). */
  passed: boolean;
}

function sectionsFor(pipeline: Pipeline, view: OpportunityView): Section[] {
  const current = findStage(pipeline, view.opportunity.stage);
  const next = view.nextStage ? findStage(pipeline, view.nextStage.stage) : undefined;
  const checks = view.nextStage?.checks ?? [];
  const of = (stage: Stage, phase: 'entrance' | 'exit') =>
    checks.filter(
      (check) => check.kind === 'criterion' && check.stage === stage.key && check.phase === phase,
    );
  const sections: Section[] = [];
  if (current) {
    sections.push({
      title: `${current.name}: entrance criteria`,
      criteria: current.entrance,
      checks: of(current, 'entrance'),
      pendingNote: 'Checked when the deal entered this stage.',
      passed: true,
    });
    if (next) {
      sections.push({
        title: `${current.name}: exit criteria`,
        criteria: current.exit,
        checks: of(current, 'exit'),
        pendingNote: '',
        passed: false,
      });
    }
  }
  if (next) {
    sections.push({
      title: `${next.name}: entrance criteria`,
      criteria: next.entrance,
      checks: of(next, 'entrance'),
      pendingNote: '',
      passed: false,
    });
    sections.push({
      title: `${next.name}: exit criteria (later)`,
      criteria: next.exit,
      checks: [],
      pendingNote: `Checked when the deal leaves ${next.name}.`,
      passed: false,
    });
  }
  return sections;
}

/** The other requirements of the next move: cumulative MEDDPICC levels, required fields, the type rule. */
function OtherRequirements({ checks, pipeline }: { checks: RequirementCheck[]; pipeline: Pipeline }) {
  const hrefOf = useFocusHref();
  if (checks.length === 0) return null;
  return (
    <Stack gap={4}>
      <Text fw={600} size="sm">
        Also required for the next stage
      </Text>
      {checks.map((check) => {
        const focus = fixFocus(check, pipeline);
        return (
          <Group key={`${check.kind}:${check.key}`} gap={6} wrap="nowrap" data-testid="other-requirement">
            <Text size="sm" aria-hidden w={20} ta="center">
              {check.met ? '✓' : '✗'}
            </Text>
            <Text size="sm">
              {focus ? (
                <Anchor component={Link} href={hrefOf(focus)} size="sm" underline="always">
                  {check.label}
                </Anchor>
              ) : (
                check.label
              )}
              :{' '}
              <Text span size="xs" c={check.met ? 'dimmed' : 'orange.8'}>
                {check.message}
              </Text>
            </Text>
          </Group>
        );
      })}
    </Stack>
  );
}

/**
 * When the caller may attest none of the criteria shown, for the same reason: that reason once, above the
 * rows (instead of the same "who may" under each). Null when rows say it themselves or the caller may.
 */
function commonRefusal(criteria: Criterion[], attest: Record<string, Permission>): Permission | null {
  const permissions = criteria
    .filter((criterion) => criterion.source.kind === 'attested')
    .map((criterion) => attest[criterion.key] ?? { allowed: false, who: null });
  const [first] = permissions;
  if (!first || first.allowed) return null;
  return permissions.every((permission) => !permission.allowed && permission.who === first.who)
    ? first
    : null;
}

export function ReadinessBadge({ view, testId }: { view: OpportunityView; testId?: string }) {
  const next = view.nextStage;
  // Each requirement once (a criterion named twice by the gate counts once, as the refusal lists it).
  const count = new Set(next?.missing.map((item) => `${item.kind}:${item.key}`)).size;
  if (!next)
    return (
      <Badge color="gray" data-testid={testId}>
        Closed
      </Badge>
    );
  return (
    <Badge color={next.ready ? 'green' : 'orange'} data-testid={testId}>
      {next.ready ? `Ready for ${next.name}` : `${count} missing for ${next.name}`}
    </Badge>
  );
}

/** The current and next stage's entrance and exit criteria, with the gate's verdict on the next move. */
export function StageChecklist() {
  const { pipeline, view, focus } = useWorkspace();
  const attestationOf = (key: string) => view.attestations.find((item) => item.criterion === key);
  const others = (view.nextStage?.checks ?? []).filter((check) => check.kind !== 'criterion');
  const sections = sectionsFor(pipeline, view);
  const refusal = commonRefusal(
    sections.flatMap((section) => section.criteria),
    view.permissions.attest,
  );
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h3">
            Checklist
          </Title>
          <ReadinessBadge view={view} />
        </Group>
        {refusal && <WhoMay permission={refusal} what="Attest criteria" />}
        {sections.map((section) => (
          <Stack gap={2} key={section.title}>
            <Text fw={600} size="sm">
              {section.title}
            </Text>
            {section.criteria.length === 0 && (
              <Text size="xs" c="dimmed">
                None.
              </Text>
            )}
            {section.criteria.map((criterion) => {
              const check = section.checks.find((candidate) => candidate.key === criterion.key);
              const attestation = attestationOf(criterion.key);
              const permission = view.permissions.attest[criterion.key];
              return (
                <CriterionRow
                  key={criterion.key}
                  criterion={criterion}
                  {...(check && { check })}
                  {...(attestation && { attestation })}
                  {...(permission && { permission })}
                  pendingNote={section.pendingNote}
                  passed={section.passed}
                  whoMayInRow={refusal === null}
                  focused={focus === `criterion:${criterion.key}`}
                />
              );
            })}
          </Stack>
        ))}
        <OtherRequirements checks={others} pipeline={pipeline} />
      </Stack>
    </Paper>
  );
}
