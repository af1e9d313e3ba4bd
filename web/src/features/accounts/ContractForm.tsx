import { Alert, Button, Group, NumberInput, Select, Stack, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { ApiError, type ContractInput, describeError, type Opportunity } from '../../api';
import { formatMoney } from '../../shared/format';
import { usePlaybook } from '../../shared/playbook';
import { ContractDates } from './ContractDates';
import { contractsHelp } from './customer-class';
import { useRecordContract } from './queries';

type Field = 'startDate' | 'endDate' | 'tcvMinor' | 'currency' | 'opportunityId';
type Issues = Partial<Record<Field, string>>;

const CURRENCIES = ['USD', 'EUR', 'GBP', 'CAD', 'AUD', 'JPY', 'INR', 'CHF', 'SEK'];
const FIELD_NAMES: Record<Field, string> = {
  startDate: 'Start date',
  endDate: 'End date',
  tcvMinor: 'Total contract value',
  currency: 'Currency',
  opportunityId: 'Won deal',
};

/** What is wrong with the form, in words, before anything is sent. */
function checkForm(start: string, end: string, tcv: string | number): Issues {
  const issues: Issues = {};
  if (!start) issues.startDate = 'Give the first day the contract is in force.';
  if (!end) issues.endDate = 'Give the last day the contract is in force.';
  else if (start && end < start) issues.endDate = 'The end date must be on or after the start date.';
  if (tcv === '' || Number(tcv) < 0 || Number.isNaN(Number(tcv)))
    issues.tcvMinor = 'Give the total contract value (zero or more).';
  return issues;
}

/** The server's field issues (`body.endDate: …`) on the fields they name. */
function serverIssues(error: unknown): Issues {
  if (!(error instanceof ApiError)) return {};
  const issues: Issues = {};
  for (const issue of error.problem.errors ?? []) {
    const field = issue.path.replace(/^body\./, '') as Field;
    if (field in FIELD_NAMES) issues[field] = `${FIELD_NAMES[field]}: ${issue.message}.`;
  }
  return issues;
}

/** Record a commit contract on the account: its dates, TCV and, optionally, the won deal it came from. */
export function ContractForm({
  accountId,
  wonDeals,
  onDone,
}: {
  accountId: string;
  wonDeals: Opportunity[];
  onDone: () => void;
}) {
  const record = useRecordContract(accountId);
  const playbook = usePlaybook().data;
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [tcv, setTcv] = useState<string | number>('');
  const [currency, setCurrency] = useState<string | null>(playbook?.defaultCurrency ?? 'USD');
  const [dealId, setDealId] = useState<string | null>(null);
  const [issues, setIssues] = useState<Issues>({});
  const shown = { ...serverIssues(record.error), ...issues };

  const chooseDeal = (id: string | null) => {
    setDealId(id);
    const deal = wonDeals.find((candidate) => candidate.id === id);
    if (deal && tcv === '') {
      setTcv(deal.amountMinor / 100);
      setCurrency(deal.currency);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = checkForm(start, end, tcv);
    setIssues(found);
    if (Object.keys(found).length > 0) return;
    const input: ContractInput = {
      startDate: start,
      endDate: end,
      tcvMinor: Math.round(Number(tcv) * 100),
      currency: currency ?? 'USD',
      opportunityId: dealId,
    };
    record.mutate(input, { onSuccess: onDone });
  };

  const fieldIssues = Object.keys(shown).length > 0;
  return (
    <form onSubmit={submit} aria-label="Record contract" noValidate>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {contractsHelp(playbook)}
        </Text>
        <ContractDates start={start} end={end} onStart={setStart} onEnd={setEnd} errors={shown} />
        <Group grow align="flex-start">
          <NumberInput
            label={`Total contract value (${currency ?? 'USD'})`}
            required
            min={0}
            decimalScale={2}
            thousandSeparator=","
            value={tcv}
            error={shown.tcvMinor}
            onChange={setTcv}
          />
          <Select
            label="Currency"
            data={CURRENCIES}
            allowDeselect={false}
            value={currency}
            error={shown.currency}
            onChange={setCurrency}
          />
        </Group>
        <Select
          label="From the won deal (optional)"
          placeholder={wonDeals.length === 0 ? 'No won deal you can see on this account' : 'None'}
          clearable
          disabled={wonDeals.length === 0}
          data={wonDeals.map((deal) => ({
            value: deal.id,
            label: `${deal.name} — ${formatMoney(deal.amountMinor, deal.currency)}`,
          }))}
          value={dealId}
          error={shown.opportunityId}
          onChange={chooseDeal}
        />
        {record.isError && !fieldIssues && (
          <Alert color="red" role="alert" title="The contract was not recorded">
            {describeError(record.error)}
          </Alert>
        )}
        {fieldIssues && (
          <Text size="sm" c="red.8" role="alert">
            The contract was not recorded: {Object.values(shown).join(' ')}
          </Text>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={record.isPending}>
            Record contract
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
