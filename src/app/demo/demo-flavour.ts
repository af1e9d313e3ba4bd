import type { ActivityKind } from '../../domain/activity/activity.js';
import type { Playbook, QualificationRole } from '../../domain/playbook/playbook.js';

/**
 * The words of the demo data: Firebolt's (a data warehouse sold to data teams) when the seed runs on
 * Firebolt's playbook, neutral ones for any other company's. Lists keyed by a playbook's keys (loss reasons,
 * lead sources, types) apply only where that playbook has those keys; the seed derives the rest from the
 * playbook itself.
 */
export interface DemoFlavour {
  /** What a rep writes down for a qualification element, by the role the element plays. */
  summaries: Partial<Record<QualificationRole, string>>;
  activityTopics: Record<ActivityKind, string[]>;
  /** Titles of the three contacts of each account: the economic buyer, the champion, a technical lead. */
  contactTitles: readonly [string, string, string];
  competitors: string[];
  /** Results written against a POC success-criteria group that was met, by group key. */
  pocResults: Record<string, string>;
  pocResultDefault: string;
  pocShortfall: string;
  /** A benchmark the POC measures (a data warehouse's query latency and cost); absent: none. */
  benchmark?: { workload: string; baselineLatencyMs: number; ourLatencyMs: number; slowerLatencyMs: number };
  overrideJustification: string;
  /** Keys of this flavour's playbook; used only where the playbook running has them all. */
  keyed: {
    /** The types of a customer account's deals, in turn (a Renewal every other deal). */
    customerTypeCycle: string[];
    /** The lead source of a deal for an existing customer. */
    customerSource?: string;
    prospectSources: { selfServe: string[]; other: string[] };
    lossReasons: string[];
    /** POC sessions a demo POC leaves unheld (they come after the decision). */
    sessionsLeftOpen: string[];
    /** Where the demo records each win milestone, by the stage entered (else: the milestones of the stage left). */
    milestonesOnEntering?: { pipeline: string; stages: Record<string, string[]> };
  };
}

const FIREBOLT: DemoFlavour = {
  summaries: {
    metrics: 'Dashboards under 1 s at p95 for 400 analysts; 35% lower warehouse cost',
    economic_buyer: 'Owns the data platform budget; signs above $100k',
    decision_criteria: 'Sub-second concurrency at 200 QPS, dbt support, SOC 2, cost per query',
    decision_process: 'Tech eval → architecture board → CFO sign-off; target this quarter',
    paper_process: 'MSA via procurement (3 weeks), DPA by legal, purchase through AWS Marketplace',
    pain: 'Customer-facing analytics time out at peak; costs grew 3x in a year',
    champion: 'Leads data engineering; presented the POC plan to the CTO',
    competition: 'Snowflake incumbent; ClickHouse Cloud also evaluated',
  },
  activityTopics: {
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
  },
  contactTitles: ['VP Data & Analytics', 'Head of Data Engineering', 'Staff Data Engineer'],
  competitors: ['Snowflake', 'ClickHouse', 'BigQuery'],
  pocResults: {
    technical: 'Shown on the customer’s data; p95 under the target',
    business: 'Agreed with the Economic Buyer’s finance partner',
    relationship: 'Champion presented the results to the architecture board',
  },
  pocResultDefault: 'Confirmed',
  pocShortfall: 'Slower than the incumbent',
  benchmark: {
    workload: 'Customer-facing dashboard, p95 at 200 QPS',
    baselineLatencyMs: 2400,
    ourLatencyMs: 320,
    slowerLatencyMs: 2900,
  },
  overrideJustification: 'Readout slipped a week; the Economic Buyer confirmed the business case verbally',
  keyed: {
    customerTypeCycle: ['renewal', 'upsell', 'expansion', 'renewal'],
    customerSource: 'customer_success',
    prospectSources: { selfServe: ['plg', 'sdr', 'inbound'], other: ['sdr', 'ae', 'inbound', 'partner'] },
    lossReasons: ['competitor', 'no_decision', 'budget', 'price', 'status_quo'],
    sessionsLeftOpen: ['migration_planning'],
    milestonesOnEntering: {
      pipeline: 'new_business',
      stages: {
        propose: ['tech_win', 'business_win'],
        negotiate: ['financial_win'],
        closed_won: ['legal_win'],
      },
    },
  },
};

const NEUTRAL: DemoFlavour = {
  summaries: {
    metrics: 'A third less time lost per week; payback inside 18 months',
    economic_buyer: 'Holds the budget for this project; signs purchases of this size',
    decision_criteria: 'Fit with the current process, total cost, support and references',
    decision_process: 'Evaluation by the project team, then the management decision this quarter',
    paper_process: 'Purchase order via procurement; legal reviews the terms (about three weeks)',
    pain: 'The current process loses hours every week and the backlog keeps growing',
    champion: 'Leads the project; presented the evaluation plan to management',
    competition: 'Two other vendors shortlisted; doing nothing is also an option',
  },
  activityTopics: {
    call: [
      'Discovery call: where the current process loses time and money',
      'Follow-up call with the champion: agreed the evaluation plan',
      'Call with the technical lead on the requirements and the timeline',
    ],
    meeting: [
      'Onsite visit with the project team: walked through the current process',
      'Meeting with the budget holder: budget confirmed for this year',
    ],
    email: [
      'Sent the recap and the proposed next steps',
      'Shared the references and the answers to open questions',
    ],
    note: ['Internal prep for the next meeting: open questions on scope and timing'],
  },
  contactTitles: ['Head of Operations', 'Project Lead', 'Technical Lead'],
  competitors: ['Acme Systems', 'Globex', 'Initech'],
  pocResults: {},
  pocResultDefault: 'Met during the trial',
  pocShortfall: 'Below the target during the trial',
  overrideJustification: 'Results review slipped a week; the buyer confirmed the business case verbally',
  keyed: {
    customerTypeCycle: [],
    prospectSources: { selfServe: [], other: [] },
    lossReasons: [],
    sessionsLeftOpen: [],
  },
};

/** The flavour of the demo data for this playbook. */
export function demoFlavour(playbook: Playbook): DemoFlavour {
  return playbook.id === 'firebolt' ? FIREBOLT : NEUTRAL;
}

/** The summary a rep writes for an element: the flavour's for its role, else one from its name and definition. */
export function qualificationSummary(
  flavour: DemoFlavour,
  element: { name: string; definition: string; role?: QualificationRole } | undefined,
): string {
  if (!element) return 'Confirmed with the customer';
  const byRole = element.role ? flavour.summaries[element.role] : undefined;
  if (byRole) return byRole;
  const definition = element.definition.replace(/\.$/, '');
  return `${element.name} confirmed with the customer: ${definition.charAt(0).toLowerCase()}${definition.slice(1)}`;
}

/** `keys` when the playbook has every one of them (and there are some), else null. */
export function ifAllKnown(keys: readonly string[], known: readonly string[]): string[] | null {
  return keys.length > 0 && keys.every((key) => known.includes(key)) ? [...keys] : null;
}
