import { Alert, Button, Group, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import type { Account, Permission } from '../../api';
import { fieldErrorsOf, useFocusFirstInvalid } from '../../shared/field-errors';
import { type Geography, type PlaceOption, useGeography } from '../../shared/geography';
import { usePlaybook } from '../../shared/playbook';
import { SEGMENTS } from '../../shared/segments';
import { useUsers } from '../../shared/users';
import { type AccountFields, useSaveAccount } from './queries';

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

/** The form's fields, as the API names them (`body.country` → country). */
const FIELDS = [
  'name',
  'domain',
  'segment',
  'industry',
  'country',
  'subdivision',
  'city',
  'postalCode',
  'county',
  'ownerId',
  'csmId',
  'selfServeUsage',
  'awsAccountId',
] as const;

/** The country's subdivisions; one the account has that ISO 3166-2 no longer lists stays choosable. */
function subdivisionOptions(geography: Geography, country: string | null, current: string | null) {
  const options: PlaceOption[] = country ? geography.subdivisionsOf(country) : [];
  if (!current || options.some((option) => option.value === current)) return options;
  return [...options, { value: current, label: `${current} (not in ISO 3166-2)` }];
}

/**
 * Creates an account, or edits one with the version read (a concurrent change is refused, not lost). `reassign`
 * (editing): whether the caller may change the owner; when not, the owner is shown, not offered, with who may.
 */
export function AccountForm({
  account,
  reassign,
  onDone,
}: {
  account?: Account;
  reassign?: Permission;
  onDone: (saved: Account) => void;
}) {
  const users = useUsers();
  const save = useSaveAccount();
  const [name, setName] = useState(account?.name ?? '');
  const [domain, setDomain] = useState(account?.domain ?? '');
  const [segment, setSegment] = useState<string | null>(account?.segment ?? 'mid_market');
  const [industry, setIndustry] = useState(account?.industry ?? '');
  const [country, setCountry] = useState<string | null>(account?.country ?? null);
  const [subdivision, setSubdivision] = useState<string | null>(account?.subdivision ?? null);
  const [countryMissing, setCountryMissing] = useState(false);
  const [city, setCity] = useState(account?.city ?? '');
  const [postalCode, setPostalCode] = useState(account?.postalCode ?? '');
  const [county, setCounty] = useState(account?.county ?? '');
  // A new account's owner, left empty, is the server's to choose: the AE the active territory model routes it
  // to, or the creator when no model is active. Naming someone else needs the reassign right (and pins it).
  const [ownerId, setOwnerId] = useState<string | null>(account ? account.ownerId : null);
  const mayReassign = !account || reassign?.allowed !== false;
  // The CSM owns the account's renewal deals; set on an existing account by who may reassign it.
  const [csmId, setCsmId] = useState<string | null>(account?.csmId ?? null);
  const csms = (users.data ?? []).filter((user) => user.role === 'csm' && (user.active || user.id === csmId));
  const [selfServe, setSelfServe] = useState(account?.selfServeUsage ?? false);
  const [awsAccountId, setAwsAccountId] = useState(account?.awsAccountId ?? '');
  // The class self-serve usage makes, as the playbook calls it ("PLG"), if it has one.
  const selfServeClass = usePlaybook().data?.customerClasses.find(
    (candidate) => candidate.when === 'self_serve_usage',
  );
  const geography = useGeography();
  const form = useRef<HTMLFormElement>(null);
  const errors = fieldErrorsOf(save.error, FIELDS);
  useFocusFirstInvalid(form, save.error);
  const subdivisions = geography.data ? subdivisionOptions(geography.data, country, subdivision) : [];

  const chooseCountry = (code: string | null) => {
    if (code !== country) setSubdivision(null);
    setCountry(code);
    setCountryMissing(false);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!country) {
      setCountryMissing(true);
      return;
    }
    const fields: Partial<AccountFields> = {
      name: name.trim(),
      domain: orNull(domain),
      segment: (segment ?? 'mid_market') as Account['segment'],
      industry: orNull(industry),
      country,
      subdivision,
      city: orNull(city),
      postalCode: orNull(postalCode),
      county: orNull(county),
      ...(account ? mayReassign && { ownerId } : ownerId !== null && { ownerId }),
      ...(account && mayReassign && csmId !== account.csmId && { csmId }),
      selfServeUsage: selfServe,
      awsAccountId: orNull(awsAccountId),
    };
    save.mutate({ ...(account && { account }), fields }, { onSuccess: onDone });
  };

  return (
    <form ref={form} onSubmit={submit} aria-label={account ? 'Edit account' : 'New account'} noValidate>
      <Stack gap="sm">
        <TextInput
          label="Name"
          required
          data-autofocus
          value={name}
          error={errors.byField.name}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        <SimpleGrid cols={2}>
          <TextInput
            label="Domain"
            placeholder="example.com"
            value={domain}
            error={errors.byField.domain}
            onChange={(e) => setDomain(e.currentTarget.value)}
          />
          <Select
            label="Segment"
            required
            data={[...SEGMENTS]}
            value={segment}
            onChange={setSegment}
            allowDeselect={false}
            error={errors.byField.segment}
          />
          <TextInput
            label="Industry"
            value={industry}
            onChange={(e) => setIndustry(e.currentTarget.value)}
            error={errors.byField.industry}
          />
          <Select
            label="Owner"
            placeholder={account ? 'Nobody yet' : 'Routed: the territory’s AE'}
            data={(users.data ?? []).map((user) => ({ value: user.id, label: user.name }))}
            value={ownerId}
            onChange={setOwnerId}
            searchable
            clearable
            disabled={!mayReassign}
            description={
              !mayReassign
                ? reassign?.who
                : account
                  ? undefined
                  : 'Empty: the AE the active territory model names (you, when none is active).'
            }
            error={errors.byField.ownerId}
          />
          {account && (
            <Select
              label="Customer Success Manager"
              placeholder="None: the owner gets the renewals"
              data={csms.map((user) => ({ value: user.id, label: user.name }))}
              value={csmId}
              onChange={setCsmId}
              searchable
              clearable
              disabled={!mayReassign}
              description={
                !mayReassign ? reassign?.who : 'Owns the renewal deals opened before contracts end.'
              }
              error={errors.byField.csmId}
            />
          )}
          <Select
            label="Country"
            required
            placeholder={geography.isPending ? 'Loading countries…' : 'Search by name or code'}
            data={geography.data?.countries ?? []}
            {...(geography.data && { filter: geography.data.filter })}
            value={country}
            onChange={chooseCountry}
            searchable
            allowDeselect={false}
            nothingFoundMessage="No country by that name"
            disabled={!geography.data}
            error={
              errors.byField.country ??
              (countryMissing ? 'Choose the country.' : undefined) ??
              (geography.isError ? 'The country list did not load; reload the page.' : undefined)
            }
          />
          {subdivisions.length > 0 && (
            <Select
              label="State / province"
              placeholder="Optional: search by name"
              data={subdivisions}
              {...(geography.data && { filter: geography.data.filter })}
              value={subdivision}
              onChange={setSubdivision}
              searchable
              clearable
              nothingFoundMessage="None by that name"
              error={errors.byField.subdivision}
            />
          )}
          <TextInput
            label="City"
            value={city}
            onChange={(e) => setCity(e.currentTarget.value)}
            error={errors.byField.city}
          />
          <TextInput
            label="Postal code"
            value={postalCode}
            onChange={(e) => setPostalCode(e.currentTarget.value)}
            error={errors.byField.postalCode}
          />
          <TextInput
            label="County"
            description="Optional: territory metro rules may name counties (e.g. Harris)."
            value={county}
            onChange={(e) => setCounty(e.currentTarget.value)}
            error={errors.byField.county}
          />
          <TextInput
            label="Buyer's AWS account id"
            description="12 digits: the AWS account that accepts the Marketplace private offer."
            inputMode="numeric"
            maxLength={12}
            value={awsAccountId}
            onChange={(e) => setAwsAccountId(e.currentTarget.value)}
            error={errors.byField.awsAccountId}
          />
        </SimpleGrid>
        <Switch
          label={`Uses the self-serve product${selfServeClass ? ` (${selfServeClass.name})` : ''}`}
          checked={selfServe}
          onChange={(e) => setSelfServe(e.currentTarget.checked)}
          error={errors.byField.selfServeUsage}
        />
        {save.isError && (
          <Alert color="red" role="alert" title="The account was not saved">
            {errors.rest.length > 0
              ? errors.rest.join(' · ')
              : 'Correct the fields marked above and save again.'}
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
