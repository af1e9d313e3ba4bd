import { Alert, Button, Group, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { type Account, describeError } from '../../api';
import { useUsers } from '../../shared/users';
import { useSession } from '../auth';
import { type AccountFields, useSaveAccount } from './queries';

const SEGMENTS = [
  { value: 'enterprise', label: 'Enterprise' },
  { value: 'mid_market', label: 'Mid-market' },
  { value: 'smb', label: 'SMB' },
];

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

/** Creates an account, or edits one with the version read (a concurrent change is refused, not lost). */
export function AccountForm({ account, onDone }: { account?: Account; onDone: (saved: Account) => void }) {
  const users = useUsers();
  const save = useSaveAccount();
  const [name, setName] = useState(account?.name ?? '');
  const [domain, setDomain] = useState(account?.domain ?? '');
  const [segment, setSegment] = useState<string | null>(account?.segment ?? 'mid_market');
  const [industry, setIndustry] = useState(account?.industry ?? '');
  const [country, setCountry] = useState(account?.country ?? '');
  const [subdivision, setSubdivision] = useState(account?.subdivision ?? '');
  const [city, setCity] = useState(account?.city ?? '');
  // A new account is the creator's: it is then theirs to see and keep (others need the right to read it).
  const me = useSession().data?.user.id ?? null;
  const [ownerId, setOwnerId] = useState<string | null>(account ? account.ownerId : me);
  const [selfServe, setSelfServe] = useState(account?.selfServeUsage ?? false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fields: Partial<AccountFields> = {
      name: name.trim(),
      domain: orNull(domain),
      segment: (segment ?? 'mid_market') as Account['segment'],
      industry: orNull(industry),
      country: country.trim().toUpperCase(),
      subdivision: orNull(subdivision.toUpperCase()),
      city: orNull(city),
      ownerId,
      selfServeUsage: selfServe,
    };
    save.mutate({ ...(account && { account }), fields }, { onSuccess: onDone });
  };

  return (
    <form onSubmit={submit} aria-label={account ? 'Edit account' : 'New account'}>
      <Stack gap="sm">
        <TextInput
          label="Name"
          required
          data-autofocus
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        <SimpleGrid cols={2}>
          <TextInput
            label="Domain"
            placeholder="example.com"
            value={domain}
            onChange={(e) => setDomain(e.currentTarget.value)}
          />
          <Select
            label="Segment"
            required
            data={SEGMENTS}
            value={segment}
            onChange={setSegment}
            allowDeselect={false}
          />
          <TextInput label="Industry" value={industry} onChange={(e) => setIndustry(e.currentTarget.value)} />
          <Select
            label="Owner"
            placeholder="Nobody yet"
            data={(users.data ?? []).map((user) => ({ value: user.id, label: user.name }))}
            value={ownerId}
            onChange={setOwnerId}
            searchable
            clearable
          />
          <TextInput
            label="Country"
            description="ISO code, e.g. US"
            required
            maxLength={2}
            value={country}
            onChange={(e) => setCountry(e.currentTarget.value)}
          />
          <TextInput
            label="State / province"
            description="ISO code, e.g. US-CA"
            value={subdivision}
            onChange={(e) => setSubdivision(e.currentTarget.value)}
          />
          <TextInput label="City" value={city} onChange={(e) => setCity(e.currentTarget.value)} />
        </SimpleGrid>
        <Switch
          label="Uses the self-serve product (PLG)"
          checked={selfServe}
          onChange={(e) => setSelfServe(e.currentTarget.checked)}
        />
        {save.isError && (
          <Alert color="red" role="alert" title="The account was not saved">
            {describeError(save.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {account ? 'Save account' : 'Create account'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
