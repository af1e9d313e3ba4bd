import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { Criterion, OpportunityView, Pipeline, RequirementCheck, Stage } from '../../api';
import { findStage } from '../../shared/playbook';
import { CriterionRow } from './CriterionRow';

interface Props {
  pipeline: Pipeline;
  view: OpportunityView;
  focus: string | null;
  busy: boolean;
  nameOf: (userId: string) => string;
  onAttest: (key: string, note: string | null, evidenceUrl: string | null) => void;
  onWithdraw: (key: string) => void;
}

interface Section {
  title: string;
  criteria: Criterion[];
  checks: RequirementCheck[];
  pendingNote: string;
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
    });
    if (next) {
      sections.push({
        title: `${current.name}: exit criteria`,
        criteria: current.exit,
        checks: of(current, 'exit'),
        pendingNote: '',
      });
    }
  }
  if (next) {
    sections.push({
      title: `${next.name}: entrance criteria`,
      criteria: next.entrance,
      checks: of(next, 'entrance'),
      pendingNote: '',
    });
    sections.push({
      title: `${next.name}: exit criteria (later)`,
      criteria: next.exit,
      checks: [],
      pendingNote: `Checked when the deal leaves ${next.name}.`,
    });
  }
  return sections;
}

/** The other requirements of the next move: cumulative MEDDPICC levels and required fields. */
function OtherRequirements({ checks }: { checks: RequirementCheck[] }) {
  if (checks.length === 0) return null;
  return (
    <Stack gap={4}>
      <Text fw={600} size="sm">
        Also required for the next stage
      </Text>
      {checks.map((check) => (
        <Group key={`${check.kind}:${check.key}`} gap={6} wrap="nowrap" data-testid="other-requirement">
          <Text size="sm" aria-hidden w={20} ta="center">
            {check.met ? '✓' : '✗'}
          </Text>
          <Text size="sm">
            {check.kind === 'meddpicc' ? (
              <Anchor href={`#meddpicc-${check.key}`} size="sm" underline="always">
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
      ))}
    </Stack>
  );
}

/** The current and next stage's entrance and exit criteria, with the gate's verdict on the next move. */
export function StageChecklist({ pipeline, view, focus, busy, nameOf, onAttest, onWithdraw }: Props) {
  const next = view.nextStage;
  const attestationOf = (key: string) => view.attestations.find((item) => item.criterion === key);
  const others = (next?.checks ?? []).filter((check) => check.kind !== 'criterion');
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h3">
            Checklist
          </Title>
          {next ? (
            <Badge color={next.ready ? 'green' : 'orange'} data-testid="next-stage-ready">
              {next.ready ? `Ready for ${next.name}` : `${next.missing.length} missing for ${next.name}`}
            </Badge>
          ) : (
            <Badge color="gray">Closed</Badge>
          )}
        </Group>
        {sectionsFor(pipeline, view).map((section) => (
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
              return (
                <CriterionRow
                  key={criterion.key}
                  criterion={criterion}
                  {...(check && { check })}
                  {...(attestation && { attestation })}
                  pendingNote={section.pendingNote}
                  nameOf={nameOf}
                  busy={busy}
                  focused={focus === `criterion:${criterion.key}`}
                  onAttest={onAttest}
                  onWithdraw={onWithdraw}
                />
              );
            })}
          </Stack>
        ))}
        <OtherRequirements checks={others} />
      </Stack>
    </Paper>
  );
}
