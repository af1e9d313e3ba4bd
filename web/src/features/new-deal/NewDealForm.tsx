import { Alert, Button, Group, NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useLocation } from 'wouter';
import type { Playbook } from '../../api';
import { currencyOptions } from '../../shared/currencies';
import { fieldErrorsOf } from '../../shared/field-errors';
import { MAX_AMOUNT, toMinor } from '../../shared/money-input';
import { paths } from '../../shared/paths';
import { WhoMay } from '../../shared/permission';
import { findPipeline } from '../../shared/playbook';
import { useAssignableOwners } from '../../shared/users';
import { AccountPicker, accountLabel } from './AccountPicker';
import { defaultOwner, defaultSource, onlyFit, typeChoices } from './deal-form';
import { useAccountView, useCreateDeal } from './queries';
import { TypePicker } from './TypePicker';

/** The form's fields, as the API names them (`body.amountMinor` → amountMinor). */
const FIELDS = [
  'accountId',
  'type',
  'name',
  'amountMinor',
  'currency',
  'closeDate',
  'ownerId',
  'source',
  'nextStep',
] as const;
type Field = (typeof FIELDS)[number];

interface Props {
  playbook: Playbook;
  me: { id: string; role: string };
  /** Only this pipeline's types (the board the form was opened from). */
  pipeline: string | null;
  accountId: string | null;
  onAccountChange: (accountId: string | null) => void;
}

/** What must be there before the server is asked; the server judges the rest (and these again). */
function missingFields(values: Record<Field, unknown>): Partial<Record<Field, string>> {
  const missing: Partial<Record<Field, string>> = {};
  if (!values.accountId) missing.accountId = 'Choose the account.';
  else if (!values.type) missing.type = 'Choose one of the types that suit this account.';
  if (typeof values.name !== 'string' || values.name.trim() === '') missing.name = 'Name the deal.';
  if (values.amountMinor === null) missing.amountMinor = 'Enter the amount, e.g. 120000.';
  if (!values.currency) missing.currency = 'Choose the currency.';
  if (!values.closeDate) missing.closeDate = 'Choose the date you expect the customer to sign.';
  if (!values.source) missing.source = 'Choose where the deal came from.';
  if (!values.ownerId) missing.ownerId = 'Choose who owns the deal.';
  return missing;
}

/** The server counts amounts in cents, the form in whole units: its refusal, said in the form's terms. */
const inWholeUnits = (message: string | undefined) =>
  message &&
  `Not an amount the server takes (${message}): enter 0 to ${MAX_AMOUNT.toLocaleString('en-US')}, with at most 2 decimals.`;

/** What a new deal's name begins with: its account's, as deal names do (boards show the rest under it). */
const namePrefix = (accountName: string) => `${accountName} — `;

/** A new deal: it starts in the first stage of its type's pipeline, and opens in its workspace once saved. */
export function NewDealForm({ playbook, me, pipeline, accountId, onAccountChange }: Props) {
  const [, navigate] = useLocation();
  const owners = useAssignableOwners();
  const account = useAccountView(accountId);
  const create = useCreateDeal();
  const [type, setType] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [amount, setAmount] = useState<number | string>('');
  const [currency, setCurrency] = useState<string | null>(playbook.defaultCurrency);
  const [closeDate, setCloseDate] = useState('');
  const [source, setSource] = useState<string | null>(() => defaultSource(me.role, playbook));
  // undefined: not chosen yet (the default follows the account); null: cleared.
  const [ownerChoice, setOwnerChoice] = useState<string | null | undefined>(undefined);
  const [nextStep, setNextStep] = useState('');
  const [missing, setMissing] = useState<{ fields: Partial<Record<Field, string>> } | null>(null);
  const form = useRef<HTMLFormElement>(null);

  const view = account.data && account.data.account.id === accountId ? account.data : null;
  const choices = useMemo(
    () => (view ? typeChoices(view.dealTypes, playbook, pipeline) : null),
    [view, playbook, pipeline],
  );
  const chosenType = choices?.find((choice) => choice.key === type && choice.fits) ?? null;
  const typePipeline = chosenType ? findPipeline(playbook, chosenType.pipeline) : undefined;
  const ownerId =
    ownerChoice === undefined ? defaultOwner(me.id, owners.data ?? [], view?.account.ownerId) : ownerChoice;
  const currencies = useMemo(() => currencyOptions(playbook.defaultCurrency), [playbook.defaultCurrency]);
  const mayCreateHere = view?.permissions.createDeal ?? null;

  // The name begins with the account's (replaced with the account while nothing else has been typed).
  const accountName = view?.account.name ?? null;
  const prefix = useRef<string | null>(null);
  useEffect(() => {
    if (!accountName) return;
    const next = namePrefix(accountName);
    setName((current) => (current.trim() === '' || current === prefix.current ? next : current));
    prefix.current = next;
  }, [accountName]);

  // The type follows the account: kept while it still fits, else the only one that does (or none).
  useEffect(() => {
    if (!choices) return;
    setType((current) =>
      choices.some((choice) => choice.key === current && choice.fits) ? current : onlyFit(choices),
    );
  }, [choices]);

  const server = fieldErrorsOf(create.error, FIELDS);
  const errorAt = (field: Field) => missing?.fields[field] ?? server.byField[field];

  // After a refused save, the first field marked invalid takes the focus (its message is read out).
  useEffect(() => {
    if (!missing && !create.error) return;
    form.current
      ?.querySelector<HTMLElement>('[aria-invalid="true"], [data-invalid-group] input:not(:disabled)')
      ?.focus();
  }, [missing, create.error]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const values = {
      accountId,
      type: chosenType?.key ?? null,
      name: name === prefix.current ? '' : name.trim(),
      amountMinor: toMinor(amount),
      currency,
      closeDate,
      ownerId,
      source,
      nextStep: nextStep.trim() === '' ? null : nextStep.trim(),
    };
    const fields = missingFields(values);
    create.reset();
    if (Object.keys(fields).length > 0) {
      setMissing({ fields });
      return;
    }
    setMissing(null);
    const {
      accountId: account,
      type: chosen,
      amountMinor,
      currency: code,
      ownerId: owner,
      source: lead,
    } = values;
    if (!account || !chosen || amountMinor === null || !code || !owner || !lead) return;
    create.mutate(
      {
        ...values,
        accountId: account,
        type: chosen,
        amountMinor,
        currency: code,
        ownerId: owner,
        source: lead,
      },
      { onSuccess: (deal) => navigate(paths.opportunity(deal.id)) },
    );
  };

  const ownerOptions = (owners.data ?? []).map((user) => ({
    value: user.id,
    label: user.id === me.id ? `${user.name} (you)` : user.name,
  }));
  const onlyMe = owners.data?.length === 1 && owners.data[0]?.id === me.id;
  const refused = create.isError || missing !== null;

  return (
    <form ref={form} onSubmit={submit} aria-label="New deal" noValidate>
      <Stack gap="md">
        <Stack gap={4}>
          <AccountPicker
            value={accountId}
            chosenLabel={view ? accountLabel(view.account) : null}
            onChange={(next) => {
              setOwnerChoice(undefined);
              onAccountChange(next);
            }}
            error={errorAt('accountId')}
            description="Search by name: the account’s customer class decides which deal types it may have."
          />
          {view && (
            <Text size="sm" data-testid="customer-class">
              <b>{view.customer.name}</b>
              {view.customer.focus && ` — ${view.customer.focus}`}
            </Text>
          )}
          {mayCreateHere && <WhoMay permission={mayCreateHere} what="A deal on this account" />}
          {account.isError && (
            <Text size="sm" c="red.8" role="alert">
              The account could not be read: {account.error.message}
            </Text>
          )}
        </Stack>

        <div {...(errorAt('type') && { 'data-invalid-group': true })}>
          <TypePicker
            accountId={accountId}
            choices={choices}
            pipelineName={pipeline ? (findPipeline(playbook, pipeline)?.name ?? pipeline) : null}
            value={type}
            onChange={setType}
            error={errorAt('type')}
          />
          {typePipeline && (
            <Text size="xs" c="dimmed" mt="sm">
              The deal starts in {typePipeline.stages[0]?.name}, the first stage of the {typePipeline.name}{' '}
              pipeline.
            </Text>
          )}
        </div>

        <TextInput
          label="Name"
          required
          description="The account’s name, then what the customer is buying, e.g. “Acme — log analytics”. Boards show the part after the account’s name."
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={errorAt('name')}
        />

        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput
            label="Amount"
            required
            description="The expected contract value, in whole units of the currency."
            value={amount}
            onChange={setAmount}
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
            rightSectionWidth={48}
            error={inWholeUnits(errorAt('amountMinor'))}
          />
          <Select
            label="Currency"
            required
            description="ISO 4217 code; search by code or name."
            data={currencies}
            value={currency}
            onChange={setCurrency}
            searchable
            allowDeselect={false}
            nothingFoundMessage="No currency by that code or name"
            error={errorAt('currency')}
          />
          <TextInput
            type="date"
            label="Close date"
            required
            description="When you expect the customer to sign: it puts the deal in a forecast quarter."
            value={closeDate}
            onChange={(event) => setCloseDate(event.currentTarget.value)}
            error={errorAt('closeDate')}
          />
          <Select
            label="Source"
            required
            description="Where the deal came from."
            data={playbook.leadSources.map((lead) => ({ value: lead.key, label: lead.name }))}
            value={source}
            onChange={setSource}
            allowDeselect={false}
            error={errorAt('source')}
          />
          <Select
            label="Owner"
            required
            description={
              onlyMe ? 'Your role creates deals for itself: you own this one.' : 'Who runs the deal.'
            }
            placeholder={owners.isPending ? 'Loading the people…' : 'Choose the owner'}
            data={ownerOptions}
            value={ownerId}
            onChange={(next) => setOwnerChoice(next)}
            searchable
            allowDeselect={false}
            nothingFoundMessage="Nobody by that name you may assign"
            error={
              errorAt('ownerId') ?? (owners.isError ? 'The people did not load; reload the page.' : undefined)
            }
          />
          <TextInput
            label="Next step"
            description="Optional: what happens next, e.g. “Discovery call on Tuesday”."
            value={nextStep}
            onChange={(event) => setNextStep(event.currentTarget.value)}
            error={errorAt('nextStep')}
          />
        </SimpleGrid>

        {refused && (
          <Alert color="red" role="alert" title="The deal was not created">
            {server.rest.length > 0
              ? server.rest.join(' · ')
              : 'Correct the fields marked above and save again.'}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" component={Link} href={pipeline ? paths.board(pipeline) : paths.home}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending} disabled={mayCreateHere?.allowed === false}>
            Create deal
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
