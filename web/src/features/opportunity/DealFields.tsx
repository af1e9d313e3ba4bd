import {
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { ApiError, type Opportunity } from '../../api';
import { fieldErrorsOf, useFocusFirstInvalid } from '../../shared/field-errors';
import { formatDate, formatMoney } from '../../shared/format';
import { WhoMay } from '../../shared/permission';
import { useAssignableOwners } from '../../shared/users';
import { WriteError } from './WriteError';
import { useWorkspace, useWrite } from './workspace-context';

type Changes = Partial<Pick<Opportunity, 'type' | 'amountMinor' | 'closeDate' | 'nextStep' | 'ownerId'>> & {
  override?: { justification: string };
};

const FIELDS = ['type', 'amountMinor', 'closeDate', 'nextStep', 'ownerId', 'override'] as const;

const outline = (focused: boolean) =>
  focused ? { outline: '2px solid var(--mantine-color-orange-5)', borderRadius: 4 } : undefined;

/** The type-vs-customer rule's refusal of a type change: what it says, and the types the customer allows. */
function typeRefusal(error: unknown): string | null {
  if (!(error instanceof ApiError) || error.problem.code !== 'type_not_for_customer') return null;
  const allowed = error.problem.allowedTypes?.map((type) => type.name).join(', ');
  return `${error.problem.detail}${allowed ? ` Types for a ${error.problem.customerClass?.name ?? 'customer like this'}: ${allowed}.` : ''}`;
}

/** The deal's fields as text, for those who may not change them. */
function ReadOnlyFields({ typeName }: { typeName: string }) {
  const { view, nameOf } = useWorkspace();
  const { opportunity, permissions } = view;
  const rows: Array<[string, string, string]> = [
    ['type', 'Type', typeName],
    ['amountMinor', 'Amount', formatMoney(opportunity.amountMinor, opportunity.currency)],
    ['closeDate', 'Close date', formatDate(opportunity.closeDate)],
    ['ownerId', 'Owner', nameOf(opportunity.ownerId)],
    ['nextStep', 'Next step', opportunity.nextStep ?? '—'],
  ];
  return (
    <Stack gap="xs">
      <SimpleGrid cols={2} spacing={4} verticalSpacing={4} component="dl" m={0}>
        {rows.map(([key, label, value]) => (
          <Stack key={key} gap={0} id={`field-${key}`}>
            <Text component="dt" size="xs" c="dimmed">
              {label}
            </Text>
            <Text component="dd" size="sm" m={0}>
              {value}
            </Text>
          </Stack>
        ))}
      </SimpleGrid>
      <WhoMay permission={permissions.edit} what="Change the deal" />
    </Stack>
  );
}

/** The owner picker, for those who may reassign the deal: the people they may hand it to. */
function OwnerSelect(props: {
  value: string;
  onChange: (ownerId: string) => void;
  error: string | undefined;
}) {
  const { view, nameOf } = useWorkspace();
  const owners = useAssignableOwners();
  const current = view.opportunity.ownerId;
  const options = (owners.data ?? []).map((user) => ({ value: user.id, label: user.name }));
  if (!options.some((option) => option.value === current))
    options.unshift({ value: current, label: nameOf(current) });
  return (
    <Select
      id="field-ownerId"
      label="Owner"
      data={options}
      value={props.value}
      onChange={(value) => value && props.onChange(value)}
      allowDeselect={false}
      searchable
      error={props.error}
      data-requires="reassign"
    />
  );
}

/**
 * Type (within the pipeline), amount, close date, next step and owner; only what changed is sent, with the
 * ETag read. The owner is changed only by those who may reassign the deal; a type the customer's class does
 * not allow is refused at the type, where those who may override it give their justification.
 */
export function DealFields() {
  const { playbook, pipeline, view, focus, busy, nameOf } = useWorkspace();
  const { opportunity, permissions } = view;
  const types = playbook.opportunityTypes.filter((type) => type.pipeline === pipeline.key);
  const typeName = types.find((type) => type.key === opportunity.type)?.name ?? opportunity.type;
  const write = useWrite();
  const form = useRef<HTMLFormElement>(null);
  const [type, setType] = useState(opportunity.type);
  const [amount, setAmount] = useState<number | string>(opportunity.amountMinor / 100);
  const [closeDate, setCloseDate] = useState(opportunity.closeDate);
  const [nextStep, setNextStep] = useState(opportunity.nextStep ?? '');
  const [ownerId, setOwnerId] = useState(opportunity.ownerId);
  const [justification, setJustification] = useState('');
  const errors = fieldErrorsOf(write.error, FIELDS);
  const refusedType = typeRefusal(write.error);
  useFocusFirstInvalid(form, write.error);

  if (!permissions.edit.allowed) {
    return (
      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h3" mb="xs">
          Deal
        </Title>
        <ReadOnlyFields typeName={typeName} />
      </Paper>
    );
  }

  const amountMinor = Math.round(Number(amount) * 100);
  const overriding = refusedType !== null && permissions.override.allowed && type !== opportunity.type;
  const changes: Changes = {
    ...(type !== opportunity.type && { type }),
    ...(Number.isFinite(amountMinor) && amountMinor !== opportunity.amountMinor && { amountMinor }),
    ...(closeDate !== opportunity.closeDate && { closeDate }),
    ...(nextStep.trim() !== (opportunity.nextStep ?? '') && { nextStep: nextStep.trim() || null }),
    ...(ownerId !== opportunity.ownerId && { ownerId }),
    ...(overriding && justification.trim() && { override: { justification: justification.trim() } }),
  };
  const changed = Object.keys(changes).length > 0;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (changed) write.mutate({ method: 'PATCH', subpath: '', body: changes });
  };
  const rest = refusedType === null ? errors.rest : [];

  return (
    <Paper withBorder p="md" radius="md">
      <form ref={form} onSubmit={submit} aria-label="Deal details" data-requires="edit">
        <Stack gap="xs">
          <Title order={2} size="h3">
            Deal
          </Title>
          {types.length > 1 && (
            <Select
              id="field-type"
              label="Type"
              data={types.map((option) => ({ value: option.key, label: option.name }))}
              value={type}
              onChange={(value) => value && setType(value)}
              allowDeselect={false}
              style={outline(focus === 'field:type' || focus?.startsWith('customer_fit') === true)}
              error={errors.byField.type ?? refusedType ?? undefined}
              data-requires="edit"
            />
          )}
          {refusedType !== null && type !== opportunity.type && permissions.override.allowed && (
            <Textarea
              label="Justification to override the type rule"
              description="Recorded with the change; the deal keeps the type although the customer's class does not allow it."
              required
              autosize
              minRows={2}
              maxLength={2000}
              value={justification}
              onChange={(event) => setJustification(event.currentTarget.value)}
              error={errors.byField.override}
              data-requires="override"
            />
          )}
          {refusedType !== null && !permissions.override.allowed && (
            <WhoMay permission={permissions.override} what="Override the type rule" />
          )}
          <NumberInput
            id="field-amountMinor"
            label={`Amount (${opportunity.currency})`}
            min={0}
            step={1000}
            thousandSeparator=","
            decimalScale={2}
            value={amount}
            onChange={setAmount}
            style={outline(focus === 'field:amountMinor')}
            error={errors.byField.amountMinor}
            data-requires="edit"
          />
          <TextInput
            id="field-closeDate"
            label="Close date"
            type="date"
            required
            value={closeDate}
            onChange={(event) => setCloseDate(event.currentTarget.value)}
            style={outline(focus === 'field:closeDate')}
            error={errors.byField.closeDate}
            data-requires="edit"
          />
          <Textarea
            id="field-nextStep"
            label="Next step"
            autosize
            minRows={2}
            maxLength={500}
            value={nextStep}
            onChange={(event) => setNextStep(event.currentTarget.value)}
            style={outline(focus === 'field:nextStep')}
            error={errors.byField.nextStep}
            data-requires="edit"
          />
          {permissions.reassign.allowed ? (
            <OwnerSelect value={ownerId} onChange={setOwnerId} error={errors.byField.ownerId} />
          ) : (
            <Stack gap={0} id="field-ownerId">
              <Text size="sm" fw={500}>
                Owner
              </Text>
              <Text size="sm">{nameOf(opportunity.ownerId)}</Text>
              <WhoMay permission={permissions.reassign} what="Hand it to another owner" />
            </Stack>
          )}
          <WriteError messages={rest} />
          <Group>
            <Button
              type="submit"
              size="xs"
              disabled={!changed || busy}
              loading={write.isPending}
              data-requires="edit"
            >
              {changes.override ? 'Save deal with override' : 'Save deal'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
