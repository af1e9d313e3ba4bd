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
} from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { currencyOptions } from '../../../shared/currencies';
import { FormButtons } from '../../../shared/FormButtons';
import { fieldErrorsOf, useFocusFirstInvalid } from '../../../shared/field-errors';
import { formatMoney, humanize } from '../../../shared/format';
import { WriteError } from '../WriteError';
import {
  draftIssues,
  emptyOption,
  type OfferDraft,
  type OfferTermsBody,
  type OptionDraft,
  optionHint,
  termsBody,
} from './offer-form';

const MAX_OPTIONS = 10;
const OPTION_FIELDS = ['name', 'termMonths', 'pricePerYearMinor', 'listPricePerYearMinor', 'paymentSchedule'];

interface Props {
  initial: OfferDraft;
  paymentSchedules: string[];
  /** "Save draft" for a new offer, "Save as version N" for an edit. */
  submitLabel: string;
  /** The right its save needs (`edit` on the deal for a new offer, `offer.revise` for an edit). */
  requires: string;
  busy: boolean;
  error: unknown;
  onSave: (terms: OfferTermsBody) => void;
  onCancel: () => void;
}

function OptionFields({
  option,
  index,
  currency,
  schedules,
  errorAt,
  onChange,
  onRemove,
}: {
  option: OptionDraft;
  index: number;
  currency: string;
  schedules: string[];
  errorAt: (field: string) => string | undefined;
  onChange: (option: OptionDraft) => void;
  onRemove: (() => void) | null;
}) {
  const hint = optionHint(option);
  const money = (label: string, field: 'pricePerYear' | 'listPricePerYear', apiField: string) => (
    <NumberInput
      size="xs"
      label={label}
      required
      value={option[field]}
      onChange={(value) => onChange({ ...option, [field]: value })}
      thousandSeparator=","
      decimalScale={2}
      allowNegative={false}
      hideControls
      rightSection={
        <Text size="xs" c="dimmed" aria-hidden>
          {currency}
        </Text>
      }
      rightSectionPointerEvents="none"
      error={errorAt(apiField)}
    />
  );
  return (
    <Paper withBorder p="xs" radius="md" data-testid="offer-option-fields" aria-label={`Option ${index + 1}`}>
      <SimpleGrid cols={{ base: 1, sm: 3, lg: 5 }} spacing="xs">
        <TextInput
          size="xs"
          label="Option name"
          required
          value={option.name}
          onChange={(event) => onChange({ ...option, name: event.currentTarget.value })}
          error={errorAt('name')}
        />
        <NumberInput
          size="xs"
          label="Term (months)"
          required
          min={1}
          max={120}
          allowDecimal={false}
          value={option.termMonths}
          onChange={(value) => onChange({ ...option, termMonths: value })}
          error={errorAt('termMonths')}
        />
        {money('Price per year', 'pricePerYear', 'pricePerYearMinor')}
        {money('List price per year', 'listPricePerYear', 'listPricePerYearMinor')}
        <Select
          size="xs"
          label="Payment schedule"
          required
          data={schedules.map((schedule) => ({ value: schedule, label: humanize(schedule) }))}
          value={option.paymentSchedule}
          onChange={(value) => value && onChange({ ...option, paymentSchedule: value })}
          allowDeselect={false}
          error={errorAt('paymentSchedule')}
        />
      </SimpleGrid>
      <Group justify="space-between" mt={4}>
        <Text size="xs" c="dimmed" data-testid="option-hint">
          {hint
            ? `TCV ${formatMoney(hint.tcvMinor, currency)}${hint.discountPercent === null ? '' : ` · ${hint.discountPercent}% off list`}`
            : 'TCV = price per year × term in years'}
        </Text>
        {onRemove && (
          <Button size="compact-xs" variant="subtle" color="red" onClick={onRemove}>
            Remove option {index + 1}
          </Button>
        )}
      </Group>
    </Paper>
  );
}

/** Draft or edit an offer: pricing options, currency, validity and notes. Every save of an edit is a new version. */
export function OfferForm({
  initial,
  paymentSchedules,
  submitLabel,
  requires,
  busy,
  error,
  onSave,
  onCancel,
}: Props) {
  const [draft, setDraft] = useState(initial);
  const [local, setLocal] = useState<Record<string, string>>({});
  const form = useRef<HTMLFormElement>(null);
  const fields = [
    'currency',
    'validUntil',
    'notes',
    'options',
    ...draft.options.flatMap((_, index) => OPTION_FIELDS.map((field) => `options[${index}].${field}`)),
  ];
  const server = fieldErrorsOf(error, fields);
  const errorAt = (path: string) => local[path] ?? server.byField[path];
  useFocusFirstInvalid(form, error ?? (Object.keys(local).length > 0 ? local : null));
  const setOption = (index: number, option: OptionDraft) =>
    setDraft({ ...draft, options: draft.options.map((old, at) => (at === index ? option : old)) });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const issues = draftIssues(draft);
    setLocal(issues);
    if (Object.keys(issues).length === 0) onSave(termsBody(draft));
  };
  return (
    <form ref={form} onSubmit={submit} aria-label="Offer terms" data-requires={requires} noValidate>
      <Stack gap="xs">
        <WriteError messages={server.rest} />
        {draft.options.map((option, index) => (
          <OptionFields
            // biome-ignore lint/suspicious/noArrayIndexKey: options are edited in place; their names change as typed
            key={index}
            option={option}
            index={index}
            currency={draft.currency}
            schedules={paymentSchedules}
            errorAt={(field) => errorAt(`options[${index}].${field}`)}
            onChange={(next) => setOption(index, next)}
            onRemove={
              draft.options.length > 1
                ? () => setDraft({ ...draft, options: draft.options.filter((_, at) => at !== index) })
                : null
            }
          />
        ))}
        {draft.options.length < MAX_OPTIONS && (
          <Button
            size="compact-xs"
            variant="light"
            w="fit-content"
            onClick={() =>
              setDraft({
                ...draft,
                options: [
                  ...draft.options,
                  emptyOption(paymentSchedules[0] ?? 'annual', draft.options.length),
                ],
              })
            }
          >
            Add a pricing option
          </Button>
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
          <Select
            size="xs"
            label="Currency"
            required
            data={currencyOptions(draft.currency)}
            value={draft.currency}
            onChange={(value) => value && setDraft({ ...draft, currency: value })}
            searchable
            allowDeselect={false}
            error={errorAt('currency')}
          />
          <TextInput
            size="xs"
            type="date"
            label="Valid until"
            required
            description="The last day the customer may accept."
            value={draft.validUntil}
            onChange={(event) => setDraft({ ...draft, validUntil: event.currentTarget.value })}
            error={errorAt('validUntil')}
          />
          <Textarea
            size="xs"
            label="Notes"
            autosize
            minRows={1}
            maxLength={4000}
            value={draft.notes}
            onChange={(event) => setDraft({ ...draft, notes: event.currentTarget.value })}
            error={errorAt('notes')}
          />
        </SimpleGrid>
        <FormButtons submit={submitLabel} busy={busy} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
