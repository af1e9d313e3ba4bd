import type { ActivityKind } from '../../domain/activity/activity.js';
import type { MissingRequirement } from '../../domain/gates/requirement-check.js';
import { findCriterion, findPipeline, forwardPath } from '../../domain/playbook/lookup.js';
import type { MeddpiccLevel } from '../../domain/playbook/playbook.js';
import { levelsToLeave } from '../../domain/qualification/levels-due.js';
import { levelOf, type MeddpiccState } from '../../domain/qualification/meddpicc.js';
import { logActivity } from '../activities/log-activity.js';
import type { Actor, AppContext } from '../context.js';
import { attestCriterion } from '../opportunities/attest-criterion.js';
import { changeStage } from '../opportunities/change-stage.js';
import type { StageChangeInput } from '../opportunities/opportunity-inputs.js';
import { setMeddpicc } from '../opportunities/set-meddpicc.js';
import { PocPlayer } from './play-poc.js';

const SUMMARIES: Record<string, string> = {
  metrics: 'Dashboards under 1 s at p95 for 400 analysts; 35% lower warehouse cost',
  economic_buyer: 'Owns the data platform budget; signs above $100k',
  decision_criteria: 'Sub-second concurrency at 200 QPS, dbt support, SOC 2, cost per query',
  decision_process: 'Tech eval → architecture board → CFO sign-off; target this quarter',
  paper_process: 'MSA via procurement (3 weeks), DPA by legal, purchase through AWS Marketplace',
  identify_pain: 'Customer-facing analytics time out at peak; costs grew 3x in a year',
  champion: 'Leads data engineering; presented the POC plan to the CTO',
  competition: 'Snowflake incumbent; ClickHouse Cloud also evaluated',
};

const ACTIVITY_TOPICS: Record<ActivityKind, string[]> = {
  call: [
    'Discovery call: peak-hour dashboards time out; 400 analysts affected',
    'Follow-up call with the champion: agreed the evaluation plan and the data to use',
    'Call with the data team lead on the ingestion path and dbt models',
  ],
  meeting: [
    'Onsite workshop with the data platform team: mapped the current pipeline end to end',
    'Meeting with the Economic Buyer: budget confirmed for this fiscal year',
  ],
  email: ['Sent the recap and the proposed next steps', 'Shared the security questionnaire answers'],
  note: ['Internal prep for the next call: open questions on concurrency and SSO'],
};

export interface DealCast {
  opportunityId: string;
  pipeline: string;
  economicBuyerId: string;
  championId: string;
}

/** Acts as a rep would: satisfies each missing item, then moves the deal. Time is the caller's clock. */
export class DealPlayer {
  readonly poc: PocPlayer;
  private talks = 0;

  constructor(
    private readonly context: AppContext,
    private readonly deal: DealCast,
  ) {
    this.poc = new PocPlayer(context, deal.opportunityId, deal.championId);
  }

  private contactFor(element: string): string | null {
    if (element === 'economic_buyer') return this.deal.economicBuyerId;
    if (element === 'champion') return this.deal.championId;
    return null;
  }

  async raiseMeddpicc(actor: Actor, element: string, level: MeddpiccLevel) {
    const result = await setMeddpicc(this.context, actor, this.deal.opportunityId, element, {
      level,
      summary: SUMMARIES[element] ?? 'Confirmed with the customer',
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
    if (source?.kind === 'derived' && source.rule === 'activity_logged') {
      for (let logged = 0; logged < source.atLeast; logged++)
        await this.talk(actor, source.kinds[0] ?? 'call');
    }
  }

  /** Logs a conversation with the customer (the criteria about calls and meetings are derived from these). */
  async talk(actor: Actor, kind: ActivityKind, summary?: string) {
    const topics = ACTIVITY_TOPICS[kind];
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
    const runsPoc = stage.exit.some(
      (c) => c.source.kind === 'derived' && c.source.rule === 'poc_readout_completed',
    );
    if (runsPoc) await this.poc.start(actor);
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
