import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin } from '../../../test/support/factories.js';
import { buildOfferOrg, TERMS, value } from '../../../test/support/offer-org.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { changeStage } from '../opportunities/change-stage.js';
import { listPendingApprovals } from './list-pending-approvals.js';
import { reviseOffer } from './revise-offer.js';
import { submitOfferForApproval } from './submit-offer-for-approval.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe('the approvals inbox', () => {
  it('leaves out whoever wrote the version (four eyes), other regions, and closed deals', async () => {
    const org = await buildOfferOrg(database.db);
    const { context, as } = org;
    const drafted = await org.draft();
    value(await reviseOffer(context, as.rvp, drafted.id, { ...TERMS, notes: 'RVP pricing' }));
    value(await submitOfferForApproval(context, as.ae, drafted.id));
    const offerIds = async (actor: (typeof as)[keyof typeof as]) =>
      value(await listPendingApprovals(context, actor)).items.map((item) => item.offerId);

    expect(await offerIds(as.rvp)).not.toContain(drafted.id); // the author of version 2
    expect(await offerIds(as.rvpColleague)).toContain(drafted.id);
    expect(await offerIds(as.rvpAbroad)).not.toContain(drafted.id);

    value(
      await changeStage(context, admin(), org.deal.id, {
        to: 'closed_lost',
        lossReason: 'budget',
      }),
    );
    expect(await offerIds(as.rvpColleague)).not.toContain(drafted.id);
  });
});
