import { Badge, Group, List, Text } from '@mantine/core';
import type { GateSnapshot } from '../../api';
import { words } from './copy';

interface Props {
  gate: GateSnapshot;
  stageName: (key: string) => string;
  nameOf: (userId: string) => string;
  lossReasonName: (key: string) => string;
  elementName: (key: string) => string;
  /** The playbook's qualification framework (MEDDPICC, BANT, …), naming the levels the gate saw. */
  framework: string;
}

const KIND_WORDS: Record<GateSnapshot['kind'], string> = {
  advance: 'Advance',
  regress: 'Backward move',
  close_won: 'Closed won',
  close_lost: 'Closed lost',
  reopen: 'Reopen',
  create: 'Type check at creation',
  type_change: 'Type check',
  imported: 'Imported (what the stage still needs)',
};

/** What the gate saw at a stage change (or the type rule at a create or type change): each check, who attested what. */
export function GateSnapshotView({ gate, stageName, nameOf, lossReasonName, elementName, framework }: Props) {
  const met = gate.checks.filter((check) => check.met).length;
  const typeRule = gate.kind === 'create' || gate.kind === 'type_change';
  return (
    <div data-testid="gate-snapshot">
      <Group gap={6}>
        <Badge size="xs" variant="light">
          {KIND_WORDS[gate.kind] ?? words(gate.kind)}
        </Badge>
        {!typeRule && (
          <Text size="sm">
            {stageName(gate.from)} → {stageName(gate.to)}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          gate: {met} of {gate.checks.length} requirements met
        </Text>
      </Group>
      {gate.override && (
        <Text size="xs" c="red.8">
          {typeRule ? 'Type rule' : 'Gate'} overridden by {nameOf(gate.override.by)}: “
          {gate.override.justification}”
        </Text>
      )}
      {gate.reason && <Text size="xs">Reason: {gate.reason}</Text>}
      {gate.lossReason && (
        <Text size="xs">
          Loss reason: {lossReasonName(gate.lossReason)}
          {gate.winningCompetitor && ` (won by ${gate.winningCompetitor})`}
        </Text>
      )}
      {gate.checks.length > 0 && (
        <List size="xs" spacing={0} mt={2}>
          {gate.checks.map((check) => (
            <List.Item key={`${check.kind}:${check.stage}:${check.key}`} icon={check.met ? '✓' : '✗'}>
              {check.label}
              {check.attestation
                ? ` — attested by ${nameOf(check.attestation.by)}${check.attestation.evidenceUrl ? ` (evidence: ${check.attestation.evidenceUrl})` : ''}`
                : ` — ${check.message}`}
            </List.Item>
          ))}
        </List>
      )}
      {!typeRule && (
        <Text size="xs" c="dimmed" mt={2}>
          {framework} then:{' '}
          {Object.entries(gate.meddpicc)
            .map(([element, level]) => `${elementName(element)} ${level}`)
            .join(' · ')}
        </Text>
      )}
    </div>
  );
}
