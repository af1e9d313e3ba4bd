import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOfferOrg, offerWithChoice, refusalOf, value } from '../../../test/support/offer-org.js';
import { readPdf } from '../../../test/support/pdf-text.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { generateQuote } from './generate-quote.js';
import { getOffer } from './get-offer.js';
import { getQuotePdf } from './get-quote-pdf.js';
import { listQuotes } from './list-quotes.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('the quote of the chosen option', () => {
  it('VP Finance generates it: stored with its hash, the version quoted, audited with its outbox row', async () => {
    const org = await buildOfferOrg(database.db);
    const { context, as, users } = org;
    const chosen = await offerWithChoice(org, 'Three years');
    const refused = await generateQuote(context, as.ae, chosen.id, { versionNumber: 1 });
    expect(refusalOf(refused)).toEqual({ code: 'forbidden', refusal: 'not_quote_issuer' });
    expect(refused.ok ? '' : refused.error.message).toContain('Who may: VP Finance.');

    const quote = value(
      await generateQuote(context, as.finance, chosen.id, { versionNumber: 1 }, chosen.version),
    );
    expect(quote).toMatchObject({
      number: expect.stringMatching(/^Q-2026-\d{6}$/),
      offerId: chosen.id,
      versionNumber: 1,
      opportunityId: org.deal.id,
      optionName: 'Three years',
      currency: 'USD',
      tcvMinor: 300_000_00,
      createdBy: users.finance.id,
      offerVersion: chosen.version + 1,
    });
    const offer = value(await getOffer(context, as.ae, chosen.id));
    expect(offer.versions[0]?.status).toBe('quoted');

    const download = value(await getQuotePdf(context, as.ae, quote.id));
    expect([download.sha256, download.byteSize]).toEqual([sha256(download.pdf), download.pdf.byteLength]);
    expect(download.sha256).toBe(quote.sha256);
    const { pages, text } = await readPdf(download.pdf);
    expect(pages).toBe(1);
    for (const expected of [quote.number, org.account.name, 'Three years', 'USD 300,000.00'])
      expect(text).toContain(expected);
    expect(text).toContain('Rhea RVP');
    expect(text).toContain('Fin VP');

    const events = await database.db
      .selectFrom('events')
      .innerJoin('outbox', 'outbox.event_id', 'events.id')
      .select(['events.actor_id', 'events.after', 'outbox.topic'])
      .where('events.opportunity_id', '=', org.deal.id)
      .where('events.action', '=', 'opportunity.offer_quoted')
      .execute();
    expect(events).toEqual([
      {
        actor_id: users.finance.id,
        topic: 'opportunity.offer_quoted',
        after: expect.objectContaining({ status: 'quoted', quoteNumber: quote.number, sha256: quote.sha256 }),
      },
    ]);
  });

  it('a second quote gets a new number; the first stays, both listed newest first', async () => {
    const org = await buildOfferOrg(database.db);
    const chosen = await offerWithChoice(org);
    const first = value(await generateQuote(org.context, org.as.finance, chosen.id, { versionNumber: 1 }));
    org.advanceDays(1);
    const second = value(await generateQuote(org.context, org.as.finance, chosen.id, { versionNumber: 1 }));
    expect(second.number).not.toBe(first.number);
    expect(Number(second.number.slice(-6))).toBe(Number(first.number.slice(-6)) + 1);
    const listed = value(await listQuotes(org.context, org.as.ae, org.deal.id));
    expect(listed.map((quote) => [quote.number, quote.createdByName])).toEqual([
      [second.number, 'Fin VP'],
      [first.number, 'Fin VP'],
    ]);
    expect(value(await listQuotes(org.context, org.as.ae, org.deal.id, { offerId: 'offer_none' }))).toEqual(
      [],
    );
    // Nobody outside the deal sees its quotes: the other region's RVP gets 404 for the list and the PDF.
    expect(refusalOf(await listQuotes(org.context, org.as.rvpAbroad, org.deal.id))?.code).toBe('not_found');
    expect(refusalOf(await getQuotePdf(org.context, org.as.rvpAbroad, first.id))?.code).toBe('not_found');
  });

  it('refuses a version without a choice, a stale offer version, and an expired one', async () => {
    const org = await buildOfferOrg(database.db);
    const drafted = await org.draft();
    const early = await generateQuote(org.context, org.as.finance, drafted.id, { versionNumber: 1 });
    expect(refusalOf(early)).toEqual({ code: 'conflict', refusal: 'no_option_chosen' });
    const chosen = await offerWithChoice(org);
    const stale = await generateQuote(org.context, org.as.finance, chosen.id, { versionNumber: 1 }, 1);
    expect(refusalOf(stale)?.code).toBe('precondition_failed');
    org.setNow(new Date('2027-01-01T08:00:00Z'));
    const expired = await generateQuote(org.context, org.as.finance, chosen.id, { versionNumber: 1 });
    expect(refusalOf(expired)).toEqual({ code: 'conflict', refusal: 'offer_expired' });
  });

  it('quotes generated at once draw distinct, consecutive numbers', async () => {
    const prepared = [];
    for (let index = 0; index < 3; index++) {
      const org = await buildOfferOrg(database.db);
      prepared.push({ org, offer: await offerWithChoice(org) });
    }
    const quotes = await Promise.all(
      prepared.map(({ org, offer }) =>
        generateQuote(org.context, org.as.finance, offer.id, { versionNumber: 1 }),
      ),
    );
    const sequences = quotes.map((quote) => Number(value(quote).number.slice(-6))).sort((a, b) => a - b);
    const first = sequences[0] ?? 0;
    expect(sequences).toEqual([first, first + 1, first + 2]);
  });

  it('the database refuses to change or delete a stored quote, and a hash that is not the bytes’', async () => {
    const org = await buildOfferOrg(database.db);
    const chosen = await offerWithChoice(org);
    const quote = value(await generateQuote(org.context, org.as.finance, chosen.id, { versionNumber: 1 }));
    await expect(
      database.db.updateTable('quotes').set({ option_name: 'Cheaper' }).where('id', '=', quote.id).execute(),
    ).rejects.toThrow(/quotes are immutable/);
    await expect(database.db.deleteFrom('quotes').where('id', '=', quote.id).execute()).rejects.toThrow(
      /quotes are immutable/,
    );
    await expect(
      sql`insert into quotes select 'quote_copy', 'Q-1999-000001', offer_id, version_number, opportunity_id,
        option_name, currency, tcv_minor, valid_until, pdf, ${'0'.repeat(64)}, byte_size, created_by, created_at
        from quotes where id = ${quote.id}`.execute(database.db),
    ).rejects.toThrow(/quotes_sha256_of_pdf/);
  });
});
