import type { Role } from '../access/roles.js';
import type { AccountPlace, Routing } from './territory-model.js';

export interface AccountToRoute {
  id: string;
  name: string;
  ownerId: string | null;
  ownerPinned: boolean;
  place: AccountPlace;
}

export interface DealToFollow {
  id: string;
  name: string;
  accountId: string;
  ownerId: string;
  open: boolean;
}

export interface ReassignmentInput {
  accounts: readonly AccountToRoute[];
  deals: readonly DealToFollow[];
  /** The role of each user who owns a deal (by id). */
  roles: ReadonlyMap<string, Role>;
  route: (place: AccountPlace) => Routing;
  /** The user id of each AE the model names, by e-mail in lower case. */
  aeUserIds: ReadonlyMap<string, string>;
}

export interface AccountMove {
  accountId: string;
  accountName: string;
  fromId: string | null;
  toId: string;
  territory: string;
  because: string;
}

export interface DealMove {
  opportunityId: string;
  opportunityName: string;
  accountName: string;
  fromId: string;
  toId: string;
}

export interface KeptAccount {
  accountId: string;
  accountName: string;
  ownerId: string | null;
  reason: string;
}

export interface OwnerCounts {
  userId: string;
  accountsGained: number;
  accountsLost: number;
  dealsGained: number;
  dealsLost: number;
}

export interface ReassignmentPlan {
  accounts: { total: number; moving: number; unchanged: number; kept: number };
  /** Of the deals on moving accounts: open ones that follow, open ones kept (owner not an AE), closed ones. */
  deals: { moving: number; keptCsm: number; closedUnchanged: number };
  accountMoves: AccountMove[];
  dealMoves: DealMove[];
  keptAccounts: KeptAccount[];
  /** Everyone who gains or loses something, most changes first. */
  perOwner: OwnerCounts[];
}

type Decision = { kind: 'move'; move: AccountMove } | { kind: 'keep'; kept: KeptAccount } | { kind: 'same' };

function decide(account: AccountToRoute, input: ReassignmentInput): Decision {
  const keep = (reason: string): Decision => ({
    kind: 'keep',
    kept: { accountId: account.id, accountName: account.name, ownerId: account.ownerId, reason },
  });
  if (account.ownerPinned) return keep('pinned: created with an explicit owner, who keeps it');
  const routing = input.route(account.place);
  if (!routing.ok) return keep(`not routable: ${routing.because}`);
  const toId = input.aeUserIds.get(routing.ae.trim().toLowerCase());
  if (!toId) return keep(`the AE of ${routing.territoryName}, ${routing.ae}, is not an active AE`);
  if (toId === account.ownerId) return { kind: 'same' };
  return {
    kind: 'move',
    move: {
      accountId: account.id,
      accountName: account.name,
      fromId: account.ownerId,
      toId,
      territory: routing.territory,
      because: routing.because,
    },
  };
}

/**
 * Who owns what under a model: each account not pinned goes to the AE its routing names (pinned and unroutable
 * accounts keep their owner). On a moving account, an open deal owned by an AE follows the account's new AE; an
 * open deal owned by anyone else (a CSM's renewal) keeps its owner; a closed deal never moves.
 */
export function planReassignment(input: ReassignmentInput): ReassignmentPlan {
  const accountMoves: AccountMove[] = [];
  const keptAccounts: KeptAccount[] = [];
  let unchanged = 0;
  const moving = new Map<string, AccountMove>();
  for (const account of input.accounts) {
    const decision = decide(account, input);
    if (decision.kind === 'move') {
      accountMoves.push(decision.move);
      moving.set(account.id, decision.move);
    } else if (decision.kind === 'keep') keptAccounts.push(decision.kept);
    else unchanged++;
  }
  const dealMoves: DealMove[] = [];
  let keptCsm = 0;
  let closedUnchanged = 0;
  for (const deal of input.deals) {
    const move = moving.get(deal.accountId);
    if (!move) continue;
    if (!deal.open) closedUnchanged++;
    else if (input.roles.get(deal.ownerId) !== 'ae') keptCsm++;
    else if (deal.ownerId !== move.toId) {
      dealMoves.push({
        opportunityId: deal.id,
        opportunityName: deal.name,
        accountName: move.accountName,
        fromId: deal.ownerId,
        toId: move.toId,
      });
    }
  }
  return {
    accounts: {
      total: input.accounts.length,
      moving: accountMoves.length,
      unchanged,
      kept: keptAccounts.length,
    },
    deals: { moving: dealMoves.length, keptCsm, closedUnchanged },
    accountMoves,
    dealMoves,
    keptAccounts,
    perOwner: countPerOwner(accountMoves, dealMoves),
  };
}

function countPerOwner(accountMoves: readonly AccountMove[], dealMoves: readonly DealMove[]): OwnerCounts[] {
  const counts = new Map<string, OwnerCounts>();
  const of = (userId: string) => {
    const entry = counts.get(userId) ?? {
      userId,
      accountsGained: 0,
      accountsLost: 0,
      dealsGained: 0,
      dealsLost: 0,
    };
    counts.set(userId, entry);
    return entry;
  };
  for (const move of accountMoves) {
    of(move.toId).accountsGained++;
    if (move.fromId) of(move.fromId).accountsLost++;
  }
  for (const move of dealMoves) {
    of(move.toId).dealsGained++;
    of(move.fromId).dealsLost++;
  }
  const total = (entry: OwnerCounts) =>
    entry.accountsGained + entry.accountsLost + entry.dealsGained + entry.dealsLost;
  return [...counts.values()].sort((a, b) => total(b) - total(a) || a.userId.localeCompare(b.userId));
}
