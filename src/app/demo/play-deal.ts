import { findOpportunity } from '../../db/repositories/opportunities-repo.js';
import type { User } from '../../db/repositories/users-repo.js';
import type { ActivityKind } from '../../domain/activity/activity.js';
import type { MissingRequirement } from '../../domain/gates/requirement-check.js';
import { findCriterion, findPipeline, forwardPath } from '../../domain/playbook/lookup.js';
import type { MeddpiccElement, MeddpiccLevel } from '../../domain/playbook/playbook.js';
import { levelsToLeave } from '../../domain/qualification/levels-due.js';
import { levelOf, type MeddpiccState } from '../../domain/qualification/meddpicc.js';
import { logActivity } from '../activities/log-activity.js';
import type { Actor, AppContext } from '../context.js';
import { attestCriterion } from '../opportunities/attest-criterion.js';
import { changeStage } from '../opportunities/change-stage.js';
import type { StageChangeInput } from '../opportunities/opportunity-inputs.js';
import { setMeddpicc } from '../opportunities/set-meddpicc.js';
import { type DemoFlavour, demoFlavour, qualificationSummary } from './demo-flavour.js';
import { demoPocOf } from './demo-rules.js';
import { ClosingPlayer } from './play-closing.js';
import { PocPlayer } from './play-poc.js';

export interface DealCast {
  opportunityId: string;
  accountId: string;
  amountMinor: number;
  pipeline: string;
  economicBuyerId: string;
  championId: string;
  /** When the agreements won deals' buyers accept start: the commit contracts they make, too. */
  agreementsStart: Date;
}

/** Acts as a rep would: satisfies each missing item, then moves the deal. Time is the caller's clock. */
export class DealPlayer {
  readonly poc: PocPlayer;
  readonly closing: ClosingPlayer;
  private talks = 0;
  private readonly flavour: DemoFlavour;

  constructor(
    private readonly context: AppContext,
    private readonly deal: DealCast,
    people: Array<{ user: User; actor: Actor }>,
  ) {
    this.flavour = demoFlavour(context.playbook);
    this.poc = new PocPlayer(context, deal.opportunityId, deal.championId, this.flavour);
    const closingDeal = { ...deal, buyerId: deal.economicBuyerId };
    this.closing = new ClosingPlayer(context, closingDeal, people);
  }

  /** The contact an element names: the economic buyer or the champion by its role, the champion otherwise. */
  private contactFor(element: MeddpiccElement | undefined): string | null {
    if (element?.role === 'economic_buyer') return this.deal.economicBuyerId;
    if (element?.role === 'champion' || element?.namesPerson) return this.deal.championId;
    return null;
  }

  async raiseMeddpicc(actor: Actor, key: string, level: MeddpiccLevel) {
    const element = this.context.playbook.qualification.elements.find((candidate) => candidate.key === key);
    const result = await setMeddpicc(this.context, actor, this.deal.opportunityId, key, {
      level,
      summary: qualificationSummary(this.flavour, element),
      contactId: this.contactFor(element),
    });
    if (!result.ok) throw new Error(`demo seed: ${result.error.message}`);
  }

  async attest(actor: Actor, criterion: string) {
    const evidenceUrl = `https://docs.closepath.demo/${this.deal.opportunityId}/${criterion}`;
    const change = {
      kind: 'attest' as const,
      input: { note: 'Confirmed on the weekly deal review', evidenceUrl },
    };
    const result = await attestCriterion(this.context, actor, this.deal.opportunityId, criterion, change);
    if (!result.ok) throw new Error(`demo seed: ${result.error.message}`);
  }

  async satisfy(actor: Actor, missing: MissingRequirement) {
    if (missing.kind === 'meddpicc' && missing.required)
      return this.raiseMeddpicc(actor, missing.key, missing.required);
    if (missing.kind !== 'criterion')
      throw new Error(`demo seed cannot satisfy ${missing.kind} ${missing.key}`);
    const found = findCriterion(this.context.playbook, this.deal.pipeline, missing.key);
    const source = found?.criterion.source;
    if (source?.kind === 'attested') return this.attest(actor, missing.key);
    if (source?.kind === 'derived' && source.rule === 'qualification_element') {
      return this.raiseMeddpicc(actor, source.element, source.atLeast);
    }
    if (source?.kind === 'derived' && source.rule === 'poc_plan_signed_off') return this.poc.signOff(actor);
    if (
      source?.kind === 'derived' &&
      (source.rule === 'poc_results_meet_criteria' || source.rule === 'poc_succeeded')
    )
      return this.poc.run(actor);
    if (source?.kind === 'derived' && source.rule === 'poc_readout_completed') return this.poc.readout(actor);
    if (source?.kind === 'derived' && source.rule === 'milestone_recorded')
      return this.poc.milestone(actor, source.milestone);
    if (source?.kind === 'derived' && source.rule === 'quote_signed') return this.closing.sign(actor);
    if (source?.kind === 'derived' && source.rule === 'offer_accepted') return this.closing.accept(actor);
    if (source?.kind === 'derived' && source.rule === 'activity_logged') {
      for (let logged = 0; logged < source.atLeast; logged++)
        await this.talk(actor, source.kinds[0] ?? 'call');
    }
  }

  /** Logs a conversation with the customer (the criteria about calls and meetings are derived from these). */
  async talk(actor: Actor, kind: ActivityKind, summary?: string) {
    const topics = this.flavour.activityTopics[kind];
    const result = await logActivity(
      this.context,
      actor,
      { opportunityId: this.deal.opportunityId },
      {
        kind,
        contactIds: kind === 'note' ? [] : [this.deal.championId].filter((id) => id !== ''),
        summary: summary ?? topics[this.talks++ % topics.length] ?? 'Spoke with the customer',
      },
    );
    if (!result.ok) throw new Error(`demo seed: ${result.error.message}`);
  }

  /**
   * Works toward leaving `stage` as a rep would while in it: identifies what leaving it needs that is still
   * unknown, and starts the POC where the stage runs one.
   */
  async prepareToLeave(actor: Actor, stageKey: string, levels: MeddpiccState) {
    const pipeline = findPipeline(this.context.playbook, this.deal.pipeline);
    const stage = pipeline?.stages.find((candidate) => candidate.key === stageKey);
    if (!pipeline || !stage) return;
    for (const [element] of levelsToLeave(pipeline, stageKey)) {
      if (levelOf(levels, element) === 'unknown') await this.raiseMeddpicc(actor, element, 'identified');
    }
    if (demoPocOf(this.context.playbook, pipeline)?.stage.key === stage.key) await this.poc.start(actor);
  }

  /** Moves the deal, first satisfying whatever the gate names except `skip`, which an override then forces. */
  async move(actor: Actor, input: StageChangeInput, skip: ReadonlySet<string> = new Set()) {
    for (let attempt = 0; attempt < 4; attempt++) {
      const result = await changeStage(this.context, actor, this.deal.opportunityId, {
        ...input,
        override: null,
      });
      if (result.ok) return result.value;
      if (result.error.code !== 'gate_blocked') throw new Error(`demo seed: ${result.error.message}`);
      const pending = result.error.missing.filter((missing) => !skip.has(missing.key));
      if (pending.length === 0 && input.override) {
        const forced = await changeStage(this.context, actor, this.deal.opportunityId, input);
        if (forced.ok) return forced.value;
        throw new Error(`demo seed: override refused: ${forced.error.message}`);
      }
      for (const missing of pending) await this.satisfy(actor, missing);
      // The closing evidence moves a deal into its won stage by itself.
      if ((await findOpportunity(this.context.db, this.deal.opportunityId))?.stage === input.to) return;
    }
    throw new Error(`demo seed: could not move ${this.deal.opportunityId} to ${input.to}`);
  }

  /** The stages a deal passes on its way to `target` (excluding the first, including target). */
  pathTo(target: string): string[] {
    const pipeline = findPipeline(this.context.playbook, this.deal.pipeline);
    if (!pipeline) return [];
    const keys = forwardPath(pipeline).map((stage) => stage.key);
    return keys.slice(1, keys.indexOf(target) + 1);
  }
}
