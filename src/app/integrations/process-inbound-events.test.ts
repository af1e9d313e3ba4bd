import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildContact } from '../../../test/support/factories.js';
import { agreementEvent, connectMessage } from '../../../test/support/inbound-fixtures.js';
import { memoryClosingPorts } from '../../../test/support/memory-closing-ports.js';
import { buildOfferOrg, offerWithChoice, value } from '../../../test/support/offer-org.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { saveAccount, saveContact } from '../../db/repositories/accounts-repo.js';
import type { JsonValue } from '../../db/schema.js';
import {
  agreementEventFacts,
  agreementEventSchema,
} from '../../integrations/aws-marketplace/agreement-event.js';
import { connectEventFacts, connectEventSchema } from '../../integrations/docusign/connect-event.js';
import { createAwsPrivateOffer } from '../closing/create-aws-private-offer.js';
import { generateQuote } from '../closing/generate-quote.js';
import { getOffer } from '../closing/get-offer.js';
import { releaseAwsPrivateOffer } from '../closing/release-aws-private-offer.js';
import { sendQuoteForSignature } from '../closing/send-quote-for-signature.js';
import type { AppContext } from '../context.js';
import { processInboundEvents } from './process-inbound-events.js';
import { recordInboundEvent } from './record-inbound-event.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const connect = (context: AppContext, event: string, at: string, envelopeId = 'env-1') => {
  const message = connectEventSchema.parse(connectMessage({ event, at, envelopeId }));
  return recordInboundEvent(context, connectEventFacts(message), message as unknown as JsonValue);
};
const agreement = (
  context: AppContext,
  overrides: Parameters<typeof agreementEvent>[0],
  acceptor: string,
) => {
  const raw = agreementEvent(overrides);
  const event = agreementEventSchema.parse({
    ...raw,
    detail: { ...raw.detail, acceptor: { accountId: acceptor } },
  });
  return recordInboundEvent(context, agreementEventFacts(event), event as unknown as JsonValue);
};

describe('processing the vendor events', () => {
  it('folds Connect and agreement events into the current version, once, whatever their order', async () => {
    const org = await buildOfferOrg(database.db);
    org.context.integrations = memoryClosingPorts().ports;
    const { context, as } = org;
    const offer = await offerWithChoice(org, 'Three years');
    const quote = value(await generateQuote(context, as.finance, offer.id, { versionNumber: 1 }));
    await saveContact(database.db, { ...org.contact, closingRoles: ['docusign_signer'] });
    value(await sendQuoteForSignature(context, as.finance, offer.id, quote.id));
    const versionOf = async () => value(await getOffer(context, as.ae, offer.id)).versions[0];

    await connect(context, 'envelope-completed', '2026-03-02T10:15:30Z');
    await connect(context, 'envelope-delivered', '2026-03-02T09:00:00Z');
    await connect(context, 'envelope-completed', '2026-03-02T10:15:30Z', 'env-elsewhere');
    expect((await connect(context, 'envelope-completed', '2026-03-02T10:15:30Z')).stored).toBe(false);
    expect(await processInboundEvents(context)).toEqual({ processed: 3 });
    expect(await versionOf()).toMatchObject({
      status: 'signed',
      evidence: { envelope: { envelopeStatus: 'completed', completedAt: '2026-03-02T10:15:30.000Z' } },
    });
    expect(await processInboundEvents(context)).toEqual({ processed: 0 });
    const outcomes = await database.db
      .selectFrom('inbound_events')
      .select(['external_id', 'outcome'])
      .execute();
    expect(outcomes.find((row) => row.external_id === 'env-elsewhere')?.outcome).toMatch(/^unmatched/);

    await buildContact(database.db, org.account.id, {
      email: 'ari@acme.example',
      closingRoles: ['aws_admin'],
    });
    await saveAccount(database.db, { ...org.account, awsAccountId: '845735284135' });
    value(await createAwsPrivateOffer(context, as.finance, offer.id));
    value(await releaseAwsPrivateOffer(context, as.finance, offer.id));
    await agreement(context, { id: 'ev-wrong-buyer', offerId: 'offer-fake1' }, '999999999999');
    await agreement(context, { id: 'ev-other-offer', offerId: 'offer-other' }, '845735284135');
    expect(await processInboundEvents(context)).toEqual({ processed: 2 });
    expect((await versionOf())?.awsOfferStatus).toBe('released');
    await agreement(context, { id: 'ev-accepted', offerId: 'offer-fake1' }, '845735284135');
    await processInboundEvents(context);
    expect(await versionOf()).toMatchObject({
      awsOfferStatus: 'accepted',
      evidence: {
        awsOffer: { agreementId: 'agmt-4mwg1nevbokzw95eca5797ixs', agreementStart: '2026-03-03T21:36:03Z' },
      },
    });
  });

  it('a declined envelope returns the version to quoted with the reason', async () => {
    const org = await buildOfferOrg(database.db);
    org.context.integrations = memoryClosingPorts().ports;
    const { context, as } = org;
    org.context.integrations = memoryClosingPorts('declined-').ports;
    const offer = await offerWithChoice(org, 'One year');
    const quote = value(await generateQuote(context, as.finance, offer.id, { versionNumber: 1 }));
    await saveContact(database.db, { ...org.contact, closingRoles: ['docusign_signer'] });
    const sent = value(await sendQuoteForSignature(context, as.finance, offer.id, quote.id));
    await connect(context, 'envelope-declined', '2026-03-02T11:00:00Z', sent.envelopeId);
    await processInboundEvents(context);
    expect(value(await getOffer(context, as.ae, offer.id)).versions[0]).toMatchObject({
      status: 'quoted',
      evidence: { envelope: { envelopeStatus: 'declined', endedReason: 'envelope declined' } },
    });
  });
});
