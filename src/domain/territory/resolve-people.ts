import { ROLE_RIGHTS, type Role } from '../access/roles.js';
import type { TerritoryModel } from './territory-model.js';

/** What resolving a model's people reads of a user. */
export interface UserFacts {
  id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
}

/** A person the model names (by e-mail), the user that is, and what is wrong when none fits. */
export interface PersonOfModel {
  email: string;
  role: 'ae' | 'rvp';
  /** The territories an AE owns; for an RVP, the keys of the regions they lead. */
  territories: string[];
  userId: string | null;
  name: string | null;
  /** e.g. "no active user with this e-mail", "is a Customer Success Manager, not an Account Executive". */
  problem: string | null;
  /** The region authorization gives this person under the model (null when it would be ambiguous). */
  region: string | null;
}

const key = (email: string) => email.trim().toLowerCase();
const article = (label: string) => `${/^[AEIOU]/.test(label) ? 'an' : 'a'} ${label}`;

function gather(model: TerritoryModel) {
  const people = new Map<
    string,
    { email: string; role: 'ae' | 'rvp'; keys: string[]; regions: Set<string> }
  >();
  const add = (email: string, role: 'ae' | 'rvp', itemKey: string, region: string) => {
    const id = `${role}:${key(email)}`;
    const entry = people.get(id) ?? { email, role, keys: [], regions: new Set<string>() };
    entry.keys.push(itemKey);
    entry.regions.add(region);
    people.set(id, entry);
  };
  for (const territory of model.territories) add(territory.ae, 'ae', territory.key, territory.region);
  for (const region of model.regions) add(region.rvp, 'rvp', region.key, region.key);
  return [...people.values()];
}

/**
 * The model's AEs and RVPs against the users: an AE must be an active user whose role is `ae`, an RVP one whose
 * role is `rvp` (e-mails compared case-insensitively); a person whose territories lie in two regions, or who
 * leads two, is a problem too — authorization gives each person one region.
 */
export function resolvePeople(model: TerritoryModel, users: readonly UserFacts[]): PersonOfModel[] {
  const byEmail = new Map(users.map((user) => [key(user.email), user]));
  return gather(model).map(({ email, role, keys, regions }) => {
    const user = byEmail.get(key(email));
    let problem: string | null = null;
    if (!user?.active) problem = 'no active user with this e-mail';
    else if (user.role !== role)
      problem = `is ${article(ROLE_RIGHTS[user.role].label)}, not ${article(ROLE_RIGHTS[role].label)}`;
    else if (regions.size > 1) {
      problem = `${role === 'ae' ? 'owns territories in' : 'leads'} ${regions.size} regions (${[...regions].join(', ')}): a person works in one region`;
    }
    return {
      email,
      role,
      territories: keys,
      userId: user?.active ? user.id : null,
      name: user?.active ? user.name : null,
      problem,
      region: regions.size === 1 ? ([...regions][0] ?? null) : null,
    };
  });
}

/** The user id of each AE e-mail (lower case) the people resolved to an AE without a problem. */
export function aeUserIds(people: readonly PersonOfModel[]): Map<string, string> {
  return new Map(
    people
      .filter((person) => person.role === 'ae' && person.problem === null && person.userId)
      .map((person) => [key(person.email), person.userId as string]),
  );
}

export const emailKey = key;
