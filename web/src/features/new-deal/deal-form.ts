import type { AccountView, Playbook, User } from '../../api';

/** A deal type as the form offers it: choosable when it suits the account today, else with the reason why not. */
export interface TypeChoice {
  key: string;
  name: string;
  pipeline: string;
  fits: boolean;
  message: string;
}

/**
 * How the types are offered, naming the playbook's customer classes ("… today (New Prospect, PLG Customer or
 * Commit Customer): …").
 */
export function typeHelp(playbook: Playbook | undefined): string {
  const names = (playbook?.customerClasses ?? []).map((customerClass) => customerClass.name);
  const classes =
    names.length === 0
      ? ''
      : ` (${names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`})`;
  return `Which deal types the account may have depends on its customer class today${classes}: the others are listed with the reason.`;
}

/**
 * The account's deal types (every type of the playbook, whether it fits, and why), in the playbook's order;
 * only those of `pipeline` when one is given.
 */
export function typeChoices(
  dealTypes: AccountView['dealTypes'],
  playbook: Playbook,
  pipeline: string | null,
): TypeChoice[] {
  return playbook.opportunityTypes
    .filter((type) => pipeline === null || type.pipeline === pipeline)
    .flatMap((type) => {
      const fit = dealTypes.find((candidate) => candidate.key === type.key);
      return fit
        ? [{ key: type.key, name: fit.name, pipeline: type.pipeline, fits: fit.fits, message: fit.message }]
        : [];
    });
}

/** The type to preselect: the one that fits, when only one does. */
export function onlyFit(choices: readonly TypeChoice[]): string | null {
  const fitting = choices.filter((choice) => choice.fits);
  return fitting.length === 1 ? (fitting[0]?.key ?? null) : null;
}

/**
 * The owner a new deal starts with: the account's owner when the caller may make others the owner and the
 * account's owner is one of them; else the caller, when they may own it; else nobody (the form asks).
 */
export function defaultOwner(
  me: string | null,
  assignable: readonly Pick<User, 'id'>[],
  accountOwnerId: string | null | undefined,
): string | null {
  const mayAssignOthers = assignable.some((user) => user.id !== me);
  if (mayAssignOthers && accountOwnerId && assignable.some((user) => user.id === accountOwnerId))
    return accountOwnerId;
  if (me && assignable.some((user) => user.id === me)) return me;
  return null;
}

/** The lead source a role's own deals usually come from, when the playbook has it. */
const ROLE_SOURCES: Record<string, string> = { ae: 'ae', sdr: 'sdr', csm: 'customer_success' };

export function defaultSource(role: string | undefined, playbook: Playbook): string | null {
  const key = role ? ROLE_SOURCES[role] : undefined;
  return key && playbook.leadSources.some((source) => source.key === key) ? key : null;
}
