import { findAccountNames } from '../../db/repositories/accounts-repo.js';
import { listOpportunities } from '../../db/repositories/opportunities-repo.js';
import { listUsers } from '../../db/repositories/users-repo.js';
import { visibilityFor } from '../../domain/access/record-access.js';
import { minorToDecimal } from '../../domain/closing/money-words.js';
import { guardRow } from '../../domain/export/csv-cell.js';
import type { Actor, AppContext } from '../context.js';
import type { OpportunityExportQuery } from './export-inputs.js';
import { EXPORT_PAGE } from './export-inputs.js';

export const OPPORTUNITY_COLUMNS = [
  'Id',
  'Name',
  'AccountId',
  'AccountName',
  'Type',
  'Pipeline',
  'Stage',
  'Probability',
  'ForecastCategory',
  'Amount',
  'CurrencyIsoCode',
  'CloseDate',
  'OwnerEmail',
  'Source',
  'NextStep',
  'LossReason',
  'WinningCompetitor',
  'StageEnteredAt',
  'ClosedAt',
  'CreatedAt',
] as const;

/**
 * The deals the caller may read under the filter, in close-date order, as guarded CSV rows — read a page at a
 * time (keyset), so an export of any size never holds more than one page.
 */
export async function* exportOpportunities(
  context: AppContext,
  actor: Actor,
  filter: OpportunityExportQuery,
): AsyncGenerator<string[]> {
  const visibility = visibilityFor(actor.principal, 'opportunity');
  const emails = new Map((await listUsers(context.db)).map((user) => [user.id, user.email]));
  let after: { closeDate: string; id: string } | undefined;
  for (;;) {
    const page = await listOpportunities(context.db, filter, visibility, {
      limit: EXPORT_PAGE,
      ...(after && { after }),
    });
    const accounts = await findAccountNames(
      context.db,
      page.map((deal) => deal.accountId),
    );
    for (const deal of page) {
      yield guardRow([
        deal.id,
        deal.name,
        deal.accountId,
        accounts.get(deal.accountId),
        deal.type,
        deal.pipeline,
        deal.stage,
        deal.probability,
        deal.forecastCategory,
        minorToDecimal(deal.amountMinor, deal.currency),
        deal.currency,
        deal.closeDate,
        emails.get(deal.ownerId),
        deal.source,
        deal.nextStep,
        deal.lossReason,
        deal.winningCompetitor,
        deal.stageEnteredAt.toISOString(),
        deal.closedAt?.toISOString(),
        deal.createdAt.toISOString(),
      ]);
    }
    const last = page.at(-1);
    if (!last || page.length < EXPORT_PAGE) return;
    after = { closeDate: last.closeDate, id: last.id };
  }
}
