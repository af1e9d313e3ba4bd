import { Badge, Box, Button, Group, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import type { PocCriterion, PocCriterionStatus, PocPlan } from '../../../api';
import { FormButtons } from '../../../shared/FormButtons';
import { fieldErrorsOf, useFocusFirstInvalid } from '../../../shared/field-errors';
import { WriteError } from '../WriteError';
import { useWorkspace, useWrite } from '../workspace-context';
import { pocPath } from './poc-write';

const STATUS_OPTIONS: Array<{ value: PocCriterionStatus; label: string }> = [
  { value: 'pending', label: 'Pending' },
  { value: 'met', label: 'Met' },
  { value: 'not_met', label: 'Not met' },
];

const STATUS_COLORS = { pending: 'gray', met: 'green', not_met: 'red' } as const;
const FIELDS = ['target', 'result', 'status'] as const;

interface FormProps {
  criterion: PocCriterion;
  /** The verdict being recorded; it needs a result written down (null: only target and result change). */
  status: PocCriterionStatus | null;
  onDone: () => void;
}

function TargetResultForm({ criterion, status, onDone }: FormProps) {
  const { busy } = useWorkspace();
  const write = useWrite();
  const form = useRef<HTMLFormElement>(null);
  const [target, setTarget] = useState(criterion.target ?? '');
  const [result, setResult] = useState(criterion.result ?? '');
  const errors = fieldErrorsOf(write.error, FIELDS);
  useFocusFirstInvalid(form, write.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    write.mutate(
      {
        method: 'PATCH',
        subpath: pocPath.criterion(criterion.id),
        body: { target: target.trim() || null, result: result.trim() || null, ...(status && { status }) },
      },
      { onSuccess: onDone },
    );
  };
  return (
    <form ref={form} onSubmit={submit} aria-label="Target and result" data-requires="qualify">
      <Group gap="xs" align="flex-end" mt={4}>
        <TextInput
          size="xs"
          label="Target"
          placeholder="e.g. the number both sides agreed"
          maxLength={2000}
          value={target}
          onChange={(event) => setTarget(event.currentTarget.value)}
          error={errors.byField.target}
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
          error={errors.byField.result ?? errors.byField.status}
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
      <WriteError messages={errors.rest} />
    </form>
  );
}

function CriterionResult({ criterion }: { criterion: PocCriterion }) {
  const { view, busy } = useWorkspace();
  const write = useWrite();
  const may = view.permissions.qualify.allowed;
  // false: closed; null: editing target and result; a status: recording that verdict with its result.
  const [editing, setEditing] = useState<false | null | PocCriterionStatus>(false);
  const pick = (status: PocCriterionStatus) => {
    if (status !== 'pending' && !criterion.result) setEditing(status);
    else write.mutate({ method: 'PATCH', subpath: pocPath.criterion(criterion.id), body: { status } });
  };
  const label = STATUS_OPTIONS.find((option) => option.value === criterion.status)?.label;
  return (
    <Box data-testid="poc-criterion" data-status={criterion.status} py={4}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={0} style={{ flex: 1 }}>
          <Text size="sm">{criterion.text}</Text>
          <Text size="xs" c="dimmed">
            Target: {criterion.target ?? 'not agreed yet'} · Result: {criterion.result ?? 'none yet'}
          </Text>
          {may && editing === false && (
            <Button
              size="compact-xs"
              variant="subtle"
              w="fit-content"
              px={0}
              disabled={busy}
              onClick={() => setEditing(null)}
              data-requires="qualify"
            >
              Target and result…
            </Button>
          )}
          <WriteError error={write.error} />
        </Stack>
        {may ? (
          <SegmentedControl
            size="xs"
            data={STATUS_OPTIONS}
            value={typeof editing === 'string' ? editing : criterion.status}
            disabled={busy}
            aria-label={`Result of: ${criterion.text}`}
            color={STATUS_COLORS[criterion.status]}
            onChange={(status) => pick(status as PocCriterionStatus)}
            data-requires="qualify"
          />
        ) : (
          <Badge size="sm" variant="light" color={STATUS_COLORS[criterion.status]}>
            {label}
          </Badge>
        )}
      </Group>
      {may && editing !== false && (
        <TargetResultForm criterion={criterion} status={editing} onDone={() => setEditing(false)} />
      )}
    </Box>
  );
}

/**
 * The groups a plan's criteria fall in: the playbook's, in its order and with its names, then any group the
 * plan has that the playbook no longer lists (named by its key), so no criterion disappears from the screen.
 */
export function criteriaGroups(
  plan: PocPlan,
  groups: ReadonlyArray<{ key: string; name: string }>,
): Array<{ key: string; name: string }> {
  const known = new Set(groups.map((group) => group.key));
  const extra = [...new Set(plan.criteria.map((criterion) => criterion.group))].filter(
    (key) => !known.has(key),
  );
  return [...groups, ...extra.map((key) => ({ key, name: key }))];
}

/** The success criteria in the playbook's groups, each with target, result and met / not met. */
export function PocCriteria({ plan }: { plan: PocPlan }) {
  const { playbook } = useWorkspace();
  const groups = criteriaGroups(plan, playbook.inspection.poc?.successCriteria ?? []);
  return (
    <Stack gap="sm">
      {groups.map((group) => (
        <Stack key={group.key} gap={0}>
          <Title order={3} size="h5">
            {group.name}
          </Title>
          {plan.criteria
            .filter((criterion) => criterion.group === group.key)
            .map((criterion) => (
              <CriterionResult key={criterion.id} criterion={criterion} />
            ))}
        </Stack>
      ))}
    </Stack>
  );
}
