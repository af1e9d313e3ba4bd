import { Alert, Anchor, Badge, List, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'wouter';
import type { KeyChange, PlaybookPreview } from '../../api';
import { humanize } from '../../shared/format';
import { paths } from '../../shared/paths';
import { EmptyState } from '../../shared/states';

const CHANGE_COLORS: Record<KeyChange, string> = { added: 'green', removed: 'red', mapped: 'blue' };

function ChangeBadge({ change }: { change: KeyChange }) {
  return (
    <Badge size="sm" variant="light" color={CHANGE_COLORS[change]}>
      {change}
    </Badge>
  );
}

/** Whether the server would start with the file: every problem with its count, or what it would move. */
function Verdict({ preview }: { preview: PlaybookPreview }) {
  const { check, candidate } = preview;
  if (!check.accepted) {
    return (
      <Alert color="red" title="The server would refuse this file" role="alert">
        <Text size="sm" mb="xs">
          Records still use keys this file removes. Map each old key to a new one in the file’s{' '}
          <code>mappings:</code> section (shown after each problem), then preview again.
        </Text>
        <List size="sm" spacing={4}>
          {check.problems.map((problem) => (
            <List.Item key={`${problem.kind}/${problem.pipeline ?? ''}/${problem.key}`}>
              {problem.message}
            </List.Item>
          ))}
        </List>
      </Alert>
    );
  }
  const summary = check.plan?.summary;
  return (
    <Alert
      color="green"
      title={candidate.sameAsInForce ? 'This is the version in force' : 'The server would accept this file'}
    >
      <Text size="sm">
        {summary
          ? `On the next start: ${summary.dealsMoved} deal(s) move, ${summary.dealsReprobabilised} take a new probability, ${summary.recordsRenamed} record(s) are renamed and ${summary.recordsRetired} retired — each deal moved gets an audit event naming the version.`
          : 'Nothing to move.'}
      </Text>
    </Alert>
  );
}

function StageChanges({ preview }: { preview: PlaybookPreview }) {
  const { stages } = preview.diff;
  if (stages.length === 0) return <Text size="sm">No stage added or removed.</Text>;
  return (
    <Table aria-label="Stage changes">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Pipeline</Table.Th>
          <Table.Th>Stage</Table.Th>
          <Table.Th>Change</Table.Th>
          <Table.Th>Deals go to</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {stages.map((stage) => (
          <Table.Tr key={`${stage.pipeline}/${stage.key}/${stage.change}`}>
            <Table.Td>{humanize(stage.pipeline)}</Table.Td>
            <Table.Td>{stage.name}</Table.Td>
            <Table.Td>
              <ChangeBadge change={stage.change} />
            </Table.Td>
            <Table.Td>{stage.mappedTo ?? '—'}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Each changed probability as before → after, with a bar for each (the forecast weight of the stage). */
function ProbabilityChanges({ preview }: { preview: PlaybookPreview }) {
  const { probabilities } = preview.diff;
  if (probabilities.length === 0) return <Text size="sm">No probability or forecast category changes.</Text>;
  return (
    <Table aria-label="Probability changes">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Stage</Table.Th>
          <Table.Th>Before</Table.Th>
          <Table.Th>After</Table.Th>
          <Table.Th>Forecast category</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {probabilities.map((change) => (
          <Table.Tr key={`${change.pipeline}/${change.stage}`}>
            <Table.Td>
              {change.name} ({humanize(change.pipeline)})
            </Table.Td>
            <Table.Td>
              <Text size="sm">{change.from}%</Text>
              <Progress
                value={change.from}
                color="gray"
                size="sm"
                aria-label={`${change.name} before: ${change.from}%`}
              />
            </Table.Td>
            <Table.Td>
              <Text size="sm">{change.to}%</Text>
              <Progress value={change.to} size="sm" aria-label={`${change.name} after: ${change.to}%`} />
            </Table.Td>
            <Table.Td>
              {change.forecastFrom === change.forecastTo
                ? humanize(change.forecastTo)
                : `${humanize(change.forecastFrom)} → ${humanize(change.forecastTo)}`}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function CriteriaChanges({ preview }: { preview: PlaybookPreview }) {
  const { criteria, qualificationLevels } = preview.diff;
  if (criteria.length === 0 && qualificationLevels.length === 0)
    return <Text size="sm">No criteria or qualification levels changed.</Text>;
  return (
    <List size="sm" spacing={4}>
      {criteria.map((criterion) => (
        <List.Item key={`${criterion.pipeline}/${criterion.key}`}>
          <ChangeBadge change={criterion.change} /> {criterion.text}{' '}
          <Text span size="xs" c="dimmed">
            ({humanize(criterion.stage)} {criterion.phase}
            {criterion.change === 'mapped'
              ? `, attestations go to ${criterion.mappedTo ?? 'nothing (retired)'}`
              : ''}
            )
          </Text>
        </List.Item>
      ))}
      {qualificationLevels.map((level) => (
        <List.Item key={`${level.pipeline}/${level.stage}/${level.element}`}>
          {humanize(level.element)} at {humanize(level.stage)}: {level.from ?? 'not asked'} →{' '}
          {level.to ?? 'not asked'}
        </List.Item>
      ))}
    </List>
  );
}

/** Open deals whose stage would now ask for something they have not met, each a link to its workspace. */
function DealsFallingShort({ preview }: { preview: PlaybookPreview }) {
  const { unmet } = preview;
  if (unmet.deals.length === 0)
    return (
      <EmptyState title="No open deal would fall short">
        {unmet.checked > 0
          ? `${unmet.checked} open deal(s) in the stages that ask for more were checked.`
          : 'No stage asks for more than before.'}
      </EmptyState>
    );
  return (
    <Stack gap="xs">
      <Text size="sm">
        {unmet.deals.length} of {unmet.checked} open deal(s) checked would have unmet criteria at their stage
        {unmet.truncated ? ` (the first ${unmet.checked} of ${unmet.total})` : ''}.
      </Text>
      <Table aria-label="Deals that would fall short">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Deal</Table.Th>
            <Table.Th>Stage now</Table.Th>
            <Table.Th>Would be unmet</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {unmet.deals.map((deal) => (
            <Table.Tr key={deal.id}>
              <Table.Td>
                <Anchor component={Link} href={paths.opportunity(deal.id)}>
                  {deal.name}
                </Anchor>
              </Table.Td>
              <Table.Td>{deal.stageName}</Table.Td>
              <Table.Td>{deal.missing.map((missing) => missing.label).join('; ')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

export function PreviewResult({ preview }: { preview: PlaybookPreview }) {
  const sections = [
    ['Stages', <StageChanges key="stages" preview={preview} />],
    ['Probabilities', <ProbabilityChanges key="probabilities" preview={preview} />],
    ['Criteria and qualification levels', <CriteriaChanges key="criteria" preview={preview} />],
    ['Deals that would fall short', <DealsFallingShort key="deals" preview={preview} />],
  ] as const;
  return (
    <Stack gap="md" aria-live="polite">
      <Verdict preview={preview} />
      {sections.map(([title, body]) => (
        <Paper withBorder p="md" key={title}>
          <Title order={3} size="h5" mb="xs">
            {title}
          </Title>
          {body}
        </Paper>
      ))}
    </Stack>
  );
}
