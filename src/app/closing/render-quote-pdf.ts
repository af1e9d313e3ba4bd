import { PDFDocument, StandardFonts } from 'pdf-lib';
import { moneyWords } from '../../domain/closing/money-words.js';
import { type PaymentRun, paymentRuns } from '../../domain/closing/payment-plan.js';
import { discountWords } from '../../domain/closing/price-options.js';
import type { QuoteDocument, QuoteParty } from '../../domain/closing/quote.js';
import { SIGNATURE_ANCHOR } from '../integrations/e-signature.js';
import { A4, MARGIN, PageWriter } from './pdf-page-writer.js';

const SCHEDULE_WORDS = {
  upfront: 'Upfront',
  annual: 'Annual',
  semiannual: 'Semiannual',
  quarterly: 'Quarterly',
  monthly: 'Monthly',
} as const;

const day = (at: Date) => at.toISOString().slice(0, 10);
const RIGHT = A4.width - MARGIN;
const HALF = A4.width / 2;

function section(page: PageWriter, title: string): void {
  page.down(22);
  page.text(MARGIN, title, { size: 12, bold: true });
  page.down(6);
  page.rule();
  page.down(14);
}

function parties(page: PageWriter, seller: QuoteParty, customer: QuoteParty): void {
  const top = page.y;
  for (const [x, label, party] of [
    [MARGIN, 'From', seller],
    [HALF, 'To', customer],
  ] as const) {
    page.y = top;
    page.text(x, label, { size: 9, muted: true });
    page.down(14);
    page.text(x, party.name, { size: 11, bold: true, maxWidth: HALF - MARGIN - 10 });
    for (const line of party.details.slice(0, 4)) {
      page.down(13);
      page.text(x, line, { size: 9, maxWidth: HALF - MARGIN - 10 });
    }
  }
  page.y = Math.min(page.y, top - 14 - 13 * 4);
}

/** Label on the left, value right-aligned: one row of the option table. */
function row(page: PageWriter, label: string, value: string, bold = false): void {
  page.text(MARGIN, label, { bold });
  page.text(RIGHT, value, { bold, alignRight: true, maxWidth: HALF });
  page.down(16);
}

function optionTable(page: PageWriter, quote: QuoteDocument): void {
  const { option, currency, totals } = quote;
  const money = (amount: number | bigint) => moneyWords(amount, currency);
  row(page, 'Option', option.name, true);
  row(page, 'Term', `${option.termMonths} months`);
  row(page, 'List price per year', money(option.listPricePerYearMinor));
  row(page, 'Price per year', money(option.pricePerYearMinor));
  row(page, 'Discount against list', discountWords(option));
  row(page, 'Payment schedule', SCHEDULE_WORDS[option.paymentSchedule]);
  row(page, 'List value over the term', money(totals.listTcvMinor));
  row(page, 'Discount over the term', money(totals.discountMinor));
  page.rule();
  page.down(16);
  row(page, 'Total contract value (TCV)', money(totals.tcvMinor), true);
}

/** When a run of payments falls due: "on signature", "months 1, 13 and 25", "every month, months 1 to 119". */
function dueWords(run: PaymentRun): string {
  if (run.count === 1)
    return run.firstDueMonth === 1 ? 'on signature' : `at the start of month ${run.firstDueMonth}`;
  const months = Array.from({ length: run.count }, (_, index) => run.firstDueMonth + index * run.everyMonths);
  if (run.count <= 4) return `months ${months.slice(0, -1).join(', ')} and ${months.at(-1)}`;
  const every = run.everyMonths === 1 ? 'every month' : `every ${run.everyMonths} months`;
  return `${every}, months ${run.firstDueMonth} to ${run.lastDueMonth}`;
}

function payments(page: PageWriter, quote: QuoteDocument): void {
  for (const run of paymentRuns(quote.payments)) {
    const amount = moneyWords(run.amountMinor, quote.currency);
    const label = `${run.count} payment${run.count === 1 ? '' : 's'}, ${dueWords(run)}`;
    row(page, label, run.count === 1 ? amount : `${amount} each`);
  }
}

/**
 * The quote as a one-page A4 PDF. Deterministic: the same document gives the same bytes (the metadata dates are
 * the quote's issue time, no random ids), so its hash can be reproduced from the stored quote.
 */
export async function renderQuotePdf(quote: QuoteDocument): Promise<Uint8Array> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.setTitle(`Quote ${quote.number}`);
  pdf.setAuthor(quote.seller.name);
  pdf.setSubject(`${quote.option.name} for ${quote.customer.name}`);
  pdf.setCreator('Closepath');
  pdf.setProducer('Closepath (pdf-lib)');
  pdf.setCreationDate(quote.issuedAt);
  pdf.setModificationDate(quote.issuedAt);
  const fonts = {
    regular: await pdf.embedFont(StandardFonts.Helvetica),
    bold: await pdf.embedFont(StandardFonts.HelveticaBold),
  };
  const page = new PageWriter(pdf.addPage([A4.width, A4.height]), fonts);

  page.text(MARGIN, 'Quote', { size: 24, bold: true });
  page.text(RIGHT, quote.number, { size: 14, bold: true, alignRight: true });
  page.down(20);
  page.text(RIGHT, `Issued ${day(quote.issuedAt)} · Valid until ${quote.validUntil}`, {
    size: 9,
    alignRight: true,
  });
  page.text(MARGIN, `${quote.dealName} · offer version ${quote.versionNumber}`, {
    size: 9,
    muted: true,
    maxWidth: HALF,
  });
  page.down(30);
  parties(page, quote.seller, quote.customer);

  section(page, 'The chosen option');
  optionTable(page, quote);
  section(page, 'Payment schedule');
  payments(page, quote);
  if (quote.notes) {
    section(page, 'Notes');
    page.paragraph(MARGIN, quote.notes, 6);
  }
  section(page, 'Approved by');
  for (const approval of quote.approvals)
    row(page, `${approval.step}: ${approval.approver}`, day(approval.decidedAt));
  page.down(4);
  page.text(MARGIN, `Issued by ${quote.issuedBy.name}`, { size: 9, muted: true });
  section(page, `Accepted for ${quote.customer.name}`);
  page.down(14);
  // DocuSign anchors the signer's signHere tab to this text (decision 016).
  page.text(MARGIN, `Signature: ${SIGNATURE_ANCHOR}`, { size: 9, muted: true });

  page.y = MARGIN;
  page.rule();
  page.down(12);
  page.text(MARGIN, `${quote.seller.name} · Quote ${quote.number} · valid until ${quote.validUntil}`, {
    size: 8,
    muted: true,
  });
  return pdf.save({ useObjectStreams: false });
}
