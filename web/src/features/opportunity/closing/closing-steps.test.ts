import { describe, expect, it } from 'vitest';
import { closingSteps, type StepperVersion } from './closing-steps';

const PEOPLE = { owner: 'Ada (AE)', finance: 'VP Finance', signer: 'Sue Signer', awsAdmin: null };
const version = (overrides: Partial<StepperVersion>): StepperVersion => ({
  status: 'draft',
  awsOfferStatus: 'none',
  approvedSteps: 0,
  totalSteps: 2,
  pending: [
    { name: 'Regional VP', waiting: true, approvers: [{ name: 'Rita RVP' }] },
    { name: 'VP Finance', waiting: false, approvers: [{ name: 'Fin One' }, { name: 'Fin Two' }] },
  ],
  evidence: { envelope: null, awsOffer: null },
  ...overrides,
});
const states = (steps: ReturnType<typeof closingSteps>) => steps.map((step) => `${step.key}:${step.state}`);

describe('the closing stepper', () => {
  it('starts at the offer, with the owner to act, when the deal has none', () => {
    const steps = closingSteps(null, { won: false }, PEOPLE);
    expect(steps[0]).toMatchObject({
      key: 'offer',
      state: 'current',
      actor: 'Ada (AE)',
      detail: 'No offer yet',
    });
    expect(steps.slice(1).every((step) => step.state === 'upcoming')).toBe(true);
    expect(steps.map((step) => step.key)).toEqual([
      'offer',
      'approvals',
      'presented',
      'quote',
      'signed_quote',
      'aws_offer',
      'acceptance',
      'won',
    ]);
  });

  it('names the chain a draft would ask', () => {
    const [offer, approvals] = closingSteps(version({}), { won: false }, PEOPLE);
    expect(offer?.state).toBe('current');
    expect(approvals?.detail).toBe('Submitting asks Regional VP → VP Finance');
  });

  it('in approval, names the waiting step and the people who may decide it', () => {
    const waitingFinance = version({
      status: 'in_approval',
      approvedSteps: 1,
      pending: [{ name: 'VP Finance', waiting: true, approvers: [{ name: 'Fin One' }, { name: 'Fin Two' }] }],
    });
    const steps = closingSteps(waitingFinance, { won: false }, PEOPLE);
    expect(states(steps).slice(0, 3)).toEqual(['offer:done', 'approvals:current', 'presented:upcoming']);
    expect(steps[1]).toMatchObject({ actor: 'Fin One, Fin Two', detail: 'Step 2 of 2: VP Finance' });
  });

  it('after approval the owner presents, then records the choice; then Finance quotes', () => {
    const approved = closingSteps(
      version({ status: 'approved', approvedSteps: 2, pending: [] }),
      { won: false },
      PEOPLE,
    );
    expect(approved[2]).toMatchObject({ state: 'current', actor: 'Ada (AE)' });
    const presented = closingSteps(version({ status: 'presented', pending: [] }), { won: false }, PEOPLE);
    expect(presented[2]?.detail).toBe("Record the customer's choice");
    const chosen = closingSteps(version({ status: 'option_chosen', pending: [] }), { won: false }, PEOPLE);
    expect(chosen[3]).toMatchObject({ key: 'quote', state: 'current', actor: 'VP Finance' });
  });

  it('won only when the deal is won; the AWS branch is done by its own status', () => {
    const signedAccepted = version({ status: 'signed', awsOfferStatus: 'accepted', pending: [] });
    expect(states(closingSteps(signedAccepted, { won: false }, PEOPLE)).at(-1)).toBe('won:current');
    expect(
      states(closingSteps(signedAccepted, { won: true }, PEOPLE)).every((s) => s.endsWith(':done')),
    ).toBe(true);
    const signedOnly = closingSteps(version({ status: 'signed', pending: [] }), { won: false }, PEOPLE);
    expect(states(signedOnly).slice(4)).toEqual([
      'signed_quote:done',
      'aws_offer:current',
      'acceptance:upcoming',
      'won:upcoming',
    ]);
  });

  it('the signature: Finance sends the quote to the signer, then the signer acts', () => {
    const quoted = closingSteps(version({ status: 'quoted', pending: [] }), { won: false }, PEOPLE);
    expect(quoted[4]).toMatchObject({
      key: 'signed_quote',
      state: 'current',
      actor: 'VP Finance',
      detail: 'Send the quote to Sue Signer',
    });
    const sent = version({
      status: 'sent_for_signature',
      pending: [],
      evidence: { envelope: { envelopeStatus: 'delivered' }, awsOffer: null },
    });
    expect(closingSteps(sent, { won: false }, PEOPLE)[4]).toMatchObject({
      actor: 'Sue Signer',
      detail: 'Envelope delivered: waiting for the signature',
    });
  });

  it('the AWS offer: Finance creates and releases it, the AWS admin accepts; won follows the stage', () => {
    const awsOffer = { marketplaceOfferId: 'offer-abc', agreementId: null };
    const created = version({
      status: 'signed',
      awsOfferStatus: 'created',
      pending: [],
      evidence: { envelope: { envelopeStatus: 'completed' }, awsOffer },
    });
    const steps = closingSteps(created, { won: false }, PEOPLE);
    expect(steps[5]).toMatchObject({
      state: 'current',
      actor: 'VP Finance',
      detail: 'Draft offer-abc: release it to the buyer',
    });
    expect(steps[6]).toMatchObject({ actor: "Customer's AWS admin", state: 'upcoming' });
    const accepted = {
      ...created,
      awsOfferStatus: 'accepted',
      evidence: { envelope: null, awsOffer: { ...awsOffer, agreementId: 'agmt-1' } },
    };
    expect(closingSteps(accepted, { won: false }, PEOPLE)[6]?.detail).toBe('Agreement agmt-1');
    expect(closingSteps(accepted, { won: true }, PEOPLE)[7]).toMatchObject({
      state: 'done',
      detail: 'Closed won',
    });
  });
});
