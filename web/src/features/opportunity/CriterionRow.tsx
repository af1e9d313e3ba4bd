import { Anchor, Badge, Box, Button, Checkbox, Group, Text } from '@mantine/core';
import { useState } from 'react';
import type { Attestation, Criterion, RequirementCheck } from '../../api';
import { formatDateTime } from '../../shared/format';
import { AttestForm } from './AttestForm';

export interface CriterionRowProps {
  criterion: Criterion;
  /** The gate's verdict when this criterion is part of the next move; absent for other stages. */
  check?: RequirementCheck;
  attestation?: Attestation;
  /** Why a derived criterion without a verdict is not shown as met or not. */
  pendingNote: string;
  nameOf: (userId: string) => string;
  busy: boolean;
  focused: boolean;
  onAttest: (key: string, note: string | null, evidenceUrl: string | null) => void;
  onWithdraw: (key: string) => void;
}

/** Derived criteria met elsewhere in the workspace: a link down to the panel where they are fixed. */
function FixLink({ source }: { source: Criterion['source'] }) {
  if (source.kind !== 'derived') return null;
  const target = source.rule.startsWith('poc_')
    ? { href: '#poc', label: 'Open the POC plan' }
    : source.rule === 'milestone_recorded'
      ? { href: '#milestones', label: 'Record it under Win milestones' }
      : source.rule === 'type_matches_uplift'
        ? { href: '#field-type', label: 'Change the type under Deal' }
        : null;
  if (!target) return null;
  return (
    <Anchor href={target.href} size="xs">
      {target.label} ↓
    </Anchor>
  );
}

function Status({ met, applicable }: { met: boolean | undefined; applicable: boolean }) {
  if (!applicable)
    return (
      <Badge size="xs" color="gray" variant="light">
        not applicable
      </Badge>
    );
  if (met === undefined) return null;
  return met ? (
    <Badge size="xs" color="green" variant="light">
      met
    </Badge>
  ) : (
    <Badge size="xs" color="orange" variant="light">
      not met
    </Badge>
  );
}

/** One entrance/exit criterion: attested ones are ticked with a note and evidence, derived ones say why. */
export function CriterionRow(props: CriterionRowProps) {
  const { criterion, check, attestation, busy, focused } = props;
  const [editing, setEditing] = useState(focused && criterion.source.kind === 'attested' && !attestation);
  const applicable = check?.applicable ?? true;
  const attested = criterion.source.kind === 'attested';
  const met = check?.met ?? (attested ? attestation !== undefined : undefined);

  return (
    <Box
      id={`criterion-${criterion.key}`}
      data-testid="criterion"
      data-criterion={criterion.key}
      p={6}
      style={{ borderRadius: 6, outline: focused ? '2px solid var(--mantine-color-orange-5)' : undefined }}
    >
      <Group gap="xs" wrap="nowrap" align="flex-start">
        {attested ? (
          <Checkbox
            mt={2}
            checked={attestation !== undefined}
            disabled={busy || !applicable}
            aria-label={`Attest: ${criterion.text}`}
            onChange={(event) => {
              if (event.currentTarget.checked) setEditing(true);
              else props.onWithdraw(criterion.key);
            }}
          />
        ) : (
          <Text mt={0} size="sm" aria-hidden w={20} ta="center">
            {met === undefined ? '·' : met ? '✓' : '✗'}
          </Text>
        )}
        <Box style={{ flex: 1 }}>
          <Group gap={6}>
            <Text size="sm">{criterion.text}</Text>
            <Status met={met} applicable={applicable} />
            <Badge size="xs" variant="outline" color="gray">
              {attested ? 'attested' : 'derived'}
            </Badge>
          </Group>
          {criterion.help && (
            <Text size="xs" c="dimmed">
              {criterion.help}
            </Text>
          )}
          {!attested && <Text size="xs">{check?.message ?? props.pendingNote}</Text>}
          <FixLink source={criterion.source} />
          {attestation && (
            <Text size="xs" c="dimmed">
              Attested by {props.nameOf(attestation.attestedBy)} on {formatDateTime(attestation.attestedAt)}
              {attestation.note && ` — “${attestation.note}”`}
              {attestation.evidenceUrl && (
                <>
                  {' — '}
                  <Anchor
                    href={attestation.evidenceUrl}
                    target="_blank"
                    rel="noreferrer noopener"
                    size="xs"
                    underline="always"
                  >
                    evidence
                  </Anchor>
                </>
              )}
            </Text>
          )}
          {attested && !attestation && !editing && applicable && (
            <Button variant="subtle" size="compact-xs" onClick={() => setEditing(true)} disabled={busy}>
              Attest…
            </Button>
          )}
          {editing && !attestation && (
            <AttestForm
              evidenceRequired={criterion.source.kind === 'attested' && criterion.source.evidenceRequired}
              busy={busy}
              onCancel={() => setEditing(false)}
              onSave={(note, evidenceUrl) => {
                props.onAttest(criterion.key, note, evidenceUrl);
                setEditing(false);
              }}
            />
          )}
        </Box>
      </Group>
    </Box>
  );
}
