import { Alert, Button, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { ApiError, describeError, type Quotas, type User } from '../../api';
import { formatMoney } from '../../shared/format';
import { toMinor } from '../../shared/money-input';
import { ErrorState, LoadingState } from '../../shared/states';
import { useUsers } from '../../shared/users';
import { type FiscalYear, fiscalYearsAround } from './fiscal-calendar';
import { useQuarterQuotas, useSetQuotas } from './queries';

const cellKey = (ownerId: string, start: string) => `${ownerId}/${start}`;

/** Minor units as the text of an amount input: whole units, cents only when there are some. */
const asText = (minor: number) => (minor % 100 === 0 ? String(minor / 100) : (minor / 100).toFixed(2));

/** The people the grid lists: the active AEs, and whoever else has a quota in the year, by name. */
function ownersOf(users: User[], quotas: Quotas): User[] {
  const withQuota = new Set(quotas.items.map((q) => q.ownerId));
  return users
    .filter((user) => (user.role === 'ae' && user.active) || withQuota.has(user.id))
    .sort((a, b) => a.name.localeCompare(b.name));
}

interface GridProps {
  year: FiscalYear;
  quotas: Quotas;
  users: User[];
}

function QuotaTable({ year, quotas, users }: GridProps) {
  const save = useSetQuotas();
  const [edits, setEdits] = useState<Map<string, string>>(new Map());
  const [checked, setChecked] = useState<Map<string, string>>(new Map());
  const [sentKeys, setSentKeys] = useState<string[]>([]);
  const [savedCount, setSavedCount] = useState<number | null>(null);
  const currency = quotas.companyCurrency;
  const stored = new Map(quotas.items.map((q) => [cellKey(q.ownerId, q.periodStart), q.amountMinor]));
  const owners = ownersOf(users, quotas);
  const original = (key: string) => {
    const minor = stored.get(key);
    return minor === undefined ? '' : asText(minor);
  };
  const textOf = (key: string) => edits.get(key) ?? original(key);
  const changedKeys = [...edits.keys()].filter((key) => edits.get(key)?.trim() !== original(key));
  const serverIssues = new Map<string, string>();
  if (save.error instanceof ApiError) {
    for (const issue of save.error.problem.errors ?? []) {
      const match = /^body\.quotas\[(\d+)\]/.exec(issue.path);
      const key = match ? sentKeys[Number(match[1])] : undefined;
      if (key && !serverIssues.has(key)) serverIssues.set(key, issue.message);
    }
  }
  const rest = save.error && serverIssues.size === 0 ? describeError(save.error) : null;

  const edit = (key: string, text: string) => {
    setEdits(new Map(edits).set(key, text));
    setChecked(new Map());
    setSavedCount(null);
    save.reset();
  };
  const discard = () => {
    setEdits(new Map());
    setChecked(new Map());
    save.reset();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = new Map<string, string>();
    const quotasToSet = changedKeys.flatMap((key) => {
      const text = edits.get(key)?.trim() ?? '';
      const minor = toMinor(text);
      if (text === '' || minor === null || minor < 0) {
        found.set(
          key,
          text === '' ? 'Give an amount (0 for none).' : 'Give an amount of 0 or more, e.g. 250000.',
        );
        return [];
      }
      const [ownerId = '', periodStart = ''] = key.split('/');
      return [{ ownerId, periodKind: 'quarter' as const, periodStart, amountMinor: minor }];
    });
    setChecked(found);
    if (found.size > 0 || quotasToSet.length === 0) return;
    setSentKeys(quotasToSet.map((q) => cellKey(q.ownerId, q.periodStart)));
    save.mutate(
      { quotas: quotasToSet },
      {
        onSuccess: (answer) => {
          setEdits(new Map());
          setSavedCount(answer.updated);
        },
      },
    );
  };

  if (owners.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No account executives yet: quotas are set for the people with the Account Executive role.
      </Text>
    );
  const sumOf = (keys: string[]) =>
    keys.reduce((sum, key) => sum + Math.max(0, toMinor(textOf(key)) ?? 0), 0);
  return (
    <form onSubmit={submit} aria-label={`Quotas of ${year.label}`} noValidate>
      <Stack gap="sm">
        <Table.ScrollContainer minWidth={820}>
          <Table aria-label={`Quarterly quotas of ${year.label}, in ${currency}`} verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Account executive</Table.Th>
                {year.quarters.map((q) => (
                  <Table.Th scope="col" key={q.start}>
                    {q.label}
                  </Table.Th>
                ))}
                <Table.Th scope="col" ta="right">
                  Year
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {owners.map((owner) => {
                const keys = year.quarters.map((q) => cellKey(owner.id, q.start));
                return (
                  <Table.Tr key={owner.id}>
                    <Table.Th scope="row">
                      {owner.name}
                      {!owner.active && ' (inactive)'}
                    </Table.Th>
                    {year.quarters.map((q, index) => {
                      const key = keys[index] ?? '';
                      const changed = changedKeys.includes(key);
                      return (
                        <Table.Td key={q.start}>
                          <TextInput
                            aria-label={`Quota of ${owner.name} for ${q.label}`}
                            value={textOf(key)}
                            placeholder="No quota"
                            inputMode="decimal"
                            variant={changed ? 'filled' : 'default'}
                            error={checked.get(key) ?? serverIssues.get(key)}
                            onChange={(e) => edit(key, e.currentTarget.value)}
                          />
                        </Table.Td>
                      );
                    })}
                    <Table.Td ta="right">{formatMoney(sumOf(keys), currency)}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {rest && (
          <Alert color="red" role="alert" title="The quotas were not saved">
            {rest}
          </Alert>
        )}
        <Group gap="sm">
          <Button type="submit" loading={save.isPending} disabled={changedKeys.length === 0}>
            {changedKeys.length === 0
              ? 'Save changes'
              : changedKeys.length === 1
                ? 'Save 1 changed quota'
                : `Save ${changedKeys.length} changed quotas`}
          </Button>
          {changedKeys.length > 0 && (
            <Button variant="default" onClick={discard}>
              Discard changes
            </Button>
          )}
          {savedCount !== null && (
            <Text size="sm" c="teal.9" role="status">
              {savedCount === 1 ? '1 quota saved.' : `${savedCount} quotas saved.`}
            </Text>
          )}
        </Group>
      </Stack>
    </form>
  );
}

/** The AEs' quarterly quotas of a fiscal year, edited in place; only the changed cells are saved. */
export function QuotaGrid({ fiscalStartMonth }: { fiscalStartMonth: number }) {
  const years = fiscalYearsAround(new Date(), fiscalStartMonth, 1, 2);
  const [label, setLabel] = useState(years[1]?.label ?? '');
  const year = years.find((y) => y.label === label) ?? years[1];
  const quotas = useQuarterQuotas({ from: year?.start ?? '', to: year?.end ?? '' }, Boolean(year));
  const users = useUsers();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="quotas-title">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end">
          <Title order={2} size="h4" id="quotas-title">
            Quotas
          </Title>
          <Select
            label="Fiscal year"
            data={years.map((y) => y.label)}
            value={year?.label ?? null}
            onChange={(value) => value && setLabel(value)}
            allowDeselect={false}
            w={160}
          />
        </Group>
        <Text size="sm" c="dimmed">
          Each account executive's quota per fiscal quarter, in{' '}
          {quotas.data?.companyCurrency ?? 'the company currency'}. The forecast measures attainment and
          coverage against them; regions and the company add up their owners'. Change the cells you need and
          save: the others stay as they are. Every change is audited.
        </Text>
        {quotas.isError || users.isError ? (
          <ErrorState title="Could not load the quotas" error={quotas.error ?? users.error} />
        ) : !quotas.data || !users.data || !year ? (
          <LoadingState label="Loading the quotas…" />
        ) : (
          <QuotaTable key={year.label} year={year} quotas={quotas.data} users={users.data} />
        )}
      </Stack>
    </Paper>
  );
}
