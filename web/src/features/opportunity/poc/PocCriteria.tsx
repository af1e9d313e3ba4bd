import { Box, Button, Group, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { PocCriteriaGroup, PocCriterion, PocCriterionStatus, PocPlan } from '../../../api';
import { FormButtons } from '../../../shared/FormButtons';
import { type PocWrite, pocPath } from './poc-write';

const GROUPS: Array<{ key: PocCriteriaGroup; name: string }> = [
  { key: 'technical', name: 'Technical' },
  { key: 'business', name: 'Business' },
  { key: 'relationship', name: 'Relationship' },
];

const STATUS_OPTIONS: Array<{ value: PocCriterionStatus; label: string }> = [
  { value: 'pending', label: 'Pending' },
  { value: 'met', label: 'Met' },
  { value: 'not_met', label: 'Not met' },
];

interface RowProps {
  criterion: PocCriterion;
  busy: boolean;
  onWrite: PocWrite;
}

interface FormProps extends RowProps {
  /** The verdict being recorded; it needs a result written down (null: only target and result change). */
  status: PocCriterionStatus | null;
  onDone: () => void;
}

function TargetResultForm({ criterion, status, busy, onWrite, onDone }: FormProps) {
  const [target, setTarget] = useState(criterion.target ?? '');
  const [result, setResult] = useState(criterion.result ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onWrite(
      {
        method: 'PATCH',
        subpath: pocPath.criterion(criterion.id),
        body: { target: target.trim() || null, result: result.trim() || null, ...(status && { status }) },
      },
      onDone,
    );
  };
  return (
    <form onSubmit={submit} aria-label="Target and result">
      <Group gap="xs" align="flex-end" mt={4}>
        <TextInput
          size="xs"
          label="Target"
          placeholder="e.g. p95 < 1 s on the top 20 queries"
          maxLength={2000}
          value={target}
          onChange={(event) => setTarget(event.currentTarget.value)}
          autoFocus={status === null}
        />
        <TextInput
          size="xs"
          label="Result"
          placeholder="What the POC showed"
          maxLength={2000}
          value={result}
          onChange={(event) => setResult(event.currentTarget.value)}
          required={status !== null && status !== 'pending'}
          autoFocus={status !== null}
        />
        <FormButtons
          submit={
            status
              ? `Save as ${STATUS_OPTIONS.find((option) => option.value === status)?.label.toLowerCase()}`
              : 'Save'
          }
          busy={busy}
          onCancel={onDone}
        />
      </Group>
    </form>
  );
}

function CriterionResult(props: RowProps) {
  const { criterion, busy, onWrite } = props;
  // false: closed; null: editing target and result; a status: recording that verdict with its result.
  const [editing, setEditing] = useState<false | null | PocCriterionStatus>(false);
  const pick = (status: PocCriterionStatus) => {
    if (status !== 'pending' && !criterion.result) setEditing(status);
    else onWrite({ method: 'PATCH', subpath: pocPath.criterion(criterion.id), body: { status } });
  };
  return (
    <Box data-testid="poc-criterion" data-status={criterion.status} py={4}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={0} style={{ flex: 1 }}>
          <Text size="sm">{criterion.text}</Text>
          <Text size="xs" c="dimmed">
            Target: {criterion.target ?? 'not agreed yet'} · Result: {criterion.result ?? 'none yet'}
          </Text>
          {editing === false && (
            <Button
              size="compact-xs"
              variant="subtle"
              w="fit-content"
              px={0}
              disabled={busy}
              onClick={() => setEditing(null)}
            >
              Target and result…
            </Button>
          )}
        </Stack>
        <SegmentedControl
          size="xs"
          data={STATUS_OPTIONS}
          value={typeof editing === 'string' ? editing : criterion.status}
          disabled={busy}
          aria-label={`Result of: ${criterion.text}`}
          color={criterion.status === 'met' ? 'green' : criterion.status === 'not_met' ? 'red' : 'gray'}
          onChange={(status) => pick(status as PocCriterionStatus)}
        />
      </Group>
      {editing !== false && <TargetResultForm {...props} status={editing} onDone={() => setEditing(false)} />}
    </Box>
  );
}

/** The success criteria in the seed's three groups, each with target, result and met / not met. */
export function PocCriteria({ plan, busy, onWrite }: { plan: PocPlan; busy: boolean; onWrite: PocWrite }) {
  return (
    <Stack gap="sm">
      {GROUPS.map((group) => (
        <Stack key={group.key} gap={0}>
          <Title order={3} size="h5">
            {group.name}
          </Title>
          {plan.criteria
            .filter((criterion) => criterion.group === group.key)
            .map((criterion) => (
              <CriterionResult key={criterion.id} criterion={criterion} busy={busy} onWrite={onWrite} />
            ))}
        </Stack>
      ))}
    </Stack>
  );
}
