import { Badge, Group, List, Text } from '@mantine/core';
import type { GateSnapshot } from '../../api';
import { humanize } from '../../shared/format';

interface Props {
  gate: GateSnapshot;
  stageName: (key: string) => string;
  nameOf: (userId: string) => string;
  lossReasonName: (key: string) => string;
}

/** What the gate saw at a stage change: each requirement met or not, who attested what, the levels. */
export function GateSnapshotView({ gate, stageName, nameOf, lossReasonName }: Props) {
  const met = gate.checks.filter((check) => check.met).length;
  return (
    <div data-testid="gate-snapshot">
      <Group gap={6}>
        <Badge size="xs" variant="light">
          {humanize(gate.kind)}
        </Badge>
        <Text size="sm">
          {stageName(gate.from)} → {stageName(gate.to)}
        </Text>
        <Text size="xs" c="dimmed">
          gate: {met} of {gate.checks.length} requirements met
        </Text>
      </Group>
      {gate.override && (
        <Text size="xs" c="red.8">
          Gate overridden by {nameOf(gate.override.by)}: “{gate.override.justification}”
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
      <Text size="xs" c="dimmed" mt={2}>
        MEDDPICC then:{' '}
        {Object.entries(gate.meddpicc)
          .map(([element, level]) => `${humanize(element)} ${level}`)
          .join(' · ')}
      </Text>
    </div>
  );
}
