import { useQuery } from '@tanstack/react-query';
import { getJson, type Page, type User } from '../api';
import { regionName } from './format';

const MAX_PAGES = 20;

async function fetchAllUsers(signal: AbortSignal): Promise<User[]> {
  const users: User[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const result: Page<User> = await getJson<Page<User>>('/users', { limit: 200, cursor }, signal);
    users.push(...result.items);
    cursor = result.nextCursor;
    if (!cursor) break;
  }
  return users;
}

/** The people of the org, for owner names and pickers. */
export function useUsers() {
  return useQuery({
    queryKey: ['users'],
    queryFn: ({ signal }) => fetchAllUsers(signal),
    staleTime: 5 * 60_000,
  });
}

/** A lookup from user id to name that falls back to the id. */
export function nameOf(users: User[] | undefined, id: string | null | undefined): string {
  if (!id) return '—';
  return users?.find((user) => user.id === id)?.name ?? id;
}

export interface Option {
  value: string;
  label: string;
}

/** The people as Select options (owner pickers). */
export function ownerOptions(users: User[] | undefined): Option[] {
  return (users ?? []).map((user) => ({ value: user.id, label: user.name }));
}

/** The regions the people work in, as Select options, in a stable order. */
export function regionOptions(users: User[] | undefined): Option[] {
  return [...new Set((users ?? []).flatMap((user) => (user.region ? [user.region] : [])))]
    .sort()
    .map((region) => ({ value: region, label: regionName(region) }));
}

async function fetchAssignableOwners(signal: AbortSignal): Promise<User[]> {
  const users: User[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const result: Page<User> = await getJson<Page<User>>(
      '/users',
      { assignableAsOwner: 'true', limit: 200, cursor },
      signal,
    );
    users.push(...result.items);
    cursor = result.nextCursor;
    if (!cursor) break;
  }
  return users;
}

/** The people the caller may make the owner of a deal or an account they create (themselves at least). */
export function useAssignableOwners() {
  return useQuery({
    queryKey: ['users', 'assignable-as-owner'],
    queryFn: ({ signal }) => fetchAssignableOwners(signal),
    staleTime: 5 * 60_000,
  });
}
