import {
  Alert,
  Button,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { ApiError, describeError, type FxRates, type User } from '../../api';
import { currencyOptions } from '../../shared/currencies';
import { formatDateTime } from '../../shared/format';
import { ErrorState, LoadingState } from '../../shared/states';
import { nameOf, useUsers } from '../../shared/users';
import { useFxRates, useSetFxRates } from './queries';

/** A positive decimal the API takes: up to 9 whole digits and 12 decimals. */
const RATE = /^(?:0|[1-9]\d{0,8})(?:\.\d{1,12})?$/;

interface DraftRate {
  currency: string;
  rate: string;
}

/** The API's issues at `body.rates[i].…`, by row. */
function issuesByRow(error: unknown): Map<number, string> {
  const rows = new Map<number, string>();
  if (!(error instanceof ApiError)) return rows;
  for (const issue of error.problem.errors ?? []) {
    const match = /^body\.rates\[(\d+)\]/.exec(issue.path);
    if (match && !rows.has(Number(match[1]))) rows.set(Number(match[1]), issue.message);
  }
  return rows;
}

interface EditorProps {
  table: FxRates;
  users: User[] | undefined;
  saved: boolean;
  onSaved: (saved: boolean) => void;
}

function RatesEditor({ table, users, saved, onSaved }: EditorProps) {
  const save = useSetFxRates();
  const [draft, setDraft] = useState<DraftRate[]>(
    table.rates.map(({ currency, rate }) => ({ currency, rate })),
  );
  const [adding, setAdding] = useState<string | null>(null);
  const [checked, setChecked] = useState<Map<number, string>>(new Map());
  const company = table.companyCurrency;
  const serverRows = issuesByRow(save.error);
  const rowError = (index: number) => checked.get(index) ?? serverRows.get(index);
  const changed =
    draft.length !== table.rates.length ||
    draft.some(
      (row, index) => row.currency !== table.rates[index]?.currency || row.rate !== table.rates[index]?.rate,
    );
  const addable = currencyOptions(company).filter(
    (option) => option.value !== company && !draft.some((row) => row.currency === option.value),
  );
  const stored = (currency: string) => table.rates.find((rate) => rate.currency === currency);

  const edit = (next: DraftRate[]) => {
    setDraft(next);
    onSaved(false);
    setChecked(new Map());
    save.reset();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = new Map<number, string>();
    draft.forEach((row, index) => {
      const rate = row.rate.trim();
      if (!RATE.test(rate) || Number(rate) <= 0)
        found.set(
          index,
          `Give a rate above 0, e.g. 1.0845 (what one ${row.currency} is worth in ${company}).`,
        );
    });
    setChecked(found);
    if (found.size > 0) return;
    save.mutate(
      { rates: draft.map((row) => ({ currency: row.currency, rate: row.rate.trim() })) },
      { onSuccess: () => onSaved(true) },
    );
  };
  const rest = save.error && serverRows.size === 0 ? describeError(save.error) : null;

  return (
    <form onSubmit={submit} aria-label="Rates to the company currency" noValidate>
      <Stack gap="sm">
        {draft.length === 0 ? (
          <Text size="sm" c="dimmed">
            No rates yet: every deal must be in {company} until a currency has a rate. Add the currencies your
            deals are priced in.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={600}>
            <Table aria-label={`Rates to ${company}`} verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Currency</Table.Th>
                  <Table.Th scope="col">1 unit in {company}</Table.Th>
                  <Table.Th scope="col">Updated</Table.Th>
                  <Table.Th scope="col">
                    <VisuallyHidden>Remove</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {draft.map((row, index) => {
                  const before = stored(row.currency);
                  return (
                    <Table.Tr key={row.currency}>
                      <Table.Th scope="row">{row.currency}</Table.Th>
                      <Table.Td>
                        <TextInput
                          aria-label={`Rate of ${row.currency} in ${company}`}
                          value={row.rate}
                          inputMode="decimal"
                          error={rowError(index)}
                          onChange={(e) => {
                            const rate = e.currentTarget.value;
                            edit(draft.map((r, i) => (i === index ? { ...r, rate } : r)));
                          }}
                        />
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">
                          {before
                            ? `${before.updatedBy.startsWith('system:') ? 'System' : nameOf(users, before.updatedBy)}, ${formatDateTime(before.updatedAt)}`
                            : 'Not saved yet'}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          onClick={() => edit(draft.filter((_, i) => i !== index))}
                        >
                          Remove {row.currency}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <Group align="flex-end" gap="xs">
          <Select
            label="Add a currency"
            placeholder="Search by code or name"
            searchable
            data={addable}
            value={adding}
            onChange={setAdding}
            w={280}
          />
          <Button
            variant="default"
            disabled={!adding}
            onClick={() => {
              if (!adding) return;
              edit([...draft, { currency: adding, rate: '' }]);
              setAdding(null);
            }}
          >
            Add
          </Button>
        </Group>
        {rest && (
          <Alert color="red" role="alert" title="The rates were not saved">
            {rest}
          </Alert>
        )}
        {saved && !changed && (
          <Text size="sm" c="teal.9" role="status">
            Rates saved. The forecast converts with them from now on.
          </Text>
        )}
        <Group gap="xs">
          <Button type="submit" loading={save.isPending} disabled={!changed}>
            Save rates
          </Button>
          {changed && (
            <Button
              variant="default"
              onClick={() => edit(table.rates.map(({ currency, rate }) => ({ currency, rate })))}
            >
              Discard changes
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}

/** The rates table: what one unit of each currency is worth in the company currency. */
export function RatesSection() {
  const rates = useFxRates(true);
  const users = useUsers().data;
  const [saved, setSaved] = useState(false);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="rates-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="rates-title">
          Rates to the company currency
        </Title>
        <Text size="sm" c="dimmed">
          The forecast converts each deal's amount into the company currency with these rates, as they stand
          when it is read. Saving replaces the whole table: a currency you remove has no rate any more, and
          the forecast says so until it gets one again.
        </Text>
        {rates.isError ? (
          <ErrorState
            title="Could not load the rates"
            error={rates.error}
            onRetry={() => void rates.refetch()}
          />
        ) : !rates.data ? (
          <LoadingState label="Loading the rates…" />
        ) : (
          <RatesEditor
            key={rates.data.rates.map((r) => `${r.currency}:${r.version}`).join()}
            table={rates.data}
            users={users}
            saved={saved}
            onSaved={setSaved}
          />
        )}
      </Stack>
    </Paper>
  );
}
