import type { HistoryEvent } from '../../api';
import { formatDateTime, formatMoney } from '../../shared/format';
import { companyOf, frameworkOf, words } from '../../shared/words';
import { activityWords } from './activity-words';
import { criterionOf } from './focus';
import { asFields, type EventWords, type Fields, type HistoryContext, quoted } from './history-context';
import { sessionTemplates, sessionTitle } from './poc/poc-write';

export type { EventWords, HistoryContext };

/**
 * Our side of a benchmark or cost comparison (`ourLatencyMs`, `ourAnnualMinor`); events recorded before the
 * neutral names (migration 008) name it after the vendor: then the field with that ending that is not the
 * baseline's.
 */
function ourSide(record: Record<string, unknown>, ending: string): unknown {
  return (
    record[`our${ending}`] ??
    Object.entries(record).find(([key]) => key.endsWith(ending) && !key.startsWith('baseline'))?.[1]
  );
}

const FIELD_LABELS: Record<string, string> = {
  name: 'Name',
  type: 'Type',
  amountMinor: 'Amount',
  currency: 'Currency',
  closeDate: 'Close date',
  ownerId: 'Owner',
  nextStep: 'Next step',
  description: 'Description',
  source: 'Lead source',
};

/** One changed deal field as "Close date 2027-01-15 → 2027-03-31". */
function dealField(key: string, before: Fields, after: Fields, context: HistoryContext): string {
  const label = FIELD_LABELS[key] ?? words(key);
  const currency = String(after.currency ?? before.currency ?? context.currency);
  const show = (value: unknown): string => {
    if (value === null || value === undefined || value === '') return '—';
    switch (key) {
      case 'amountMinor':
        return typeof value === 'number' ? formatMoney(value, currency) : String(value);
      case 'ownerId':
        return context.nameOf(String(value));
      case 'type':
        return context.playbook.opportunityTypes.find((type) => type.key === value)?.name ?? String(value);
      case 'nextStep':
      case 'description':
      case 'name':
        return quoted(value);
      case 'source':
        return context.playbook.leadSources.find((source) => source.key === value)?.name ?? String(value);
      default:
        return String(value);
    }
  };
  return `${label} ${show(before[key])} → ${show(after[key])}`;
}

function stageName(context: HistoryContext, key: unknown): string {
  return context.pipeline.stages.find((stage) => stage.key === key)?.name ?? String(key ?? '—');
}

function elementName(context: HistoryContext, key: unknown): string {
  return (
    context.playbook.qualification.elements.find((element) => element.key === key)?.name ?? words(String(key))
  );
}

/** A deal change in words. */
function opportunityWords(event: HistoryEvent, context: HistoryContext): EventWords {
  const before = asFields(event.before);
  const after = asFields(event.after);
  const override = event.gate?.override;
  const overrideWords = override
    ? ` (override by ${context.nameOf(override.by)}: ${override.justification})`
    : '';
  switch (event.action) {
    case 'opportunity.created': {
      const type = dealField('type', {}, after, context).replace(/^Type — → /, '');
      return {
        title: `Deal created: ${type}${overrideWords}`,
        lines: [
          [
            typeof after.amountMinor === 'number'
              ? formatMoney(after.amountMinor, String(after.currency ?? context.currency))
              : null,
            after.closeDate ? `closes ${String(after.closeDate)}` : null,
            after.ownerId ? `owner ${context.nameOf(String(after.ownerId))}` : null,
          ]
            .filter(Boolean)
            .join(' · '),
        ].filter(Boolean),
      };
    }
    case 'opportunity.updated': {
      const keys = Object.keys(after).filter((key) => key !== 'override');
      const lines = keys.map(
        (key) => `${dealField(key, before, after, context)}${key === 'type' ? overrideWords : ''}`,
      );
      if (keys.length === 1 && lines[0]) return { title: lines[0], lines: [] };
      return { title: 'Deal changed', lines };
    }
    case 'opportunity.imported': {
      const missing = (event.gate?.checks ?? []).filter((check) => !check.met).length;
      return {
        title: `${after.updated ? 'Re-imported' : 'Imported'} from ${String(after.source ?? 'another system')} at ${stageName(context, after.stage)}`,
        lines: [
          `${String(after.source ?? '')} id ${String(after.externalId ?? '')}`,
          missing > 0 ? `${missing} requirement${missing === 1 ? '' : 's'} of the stage not yet met` : null,
        ].filter((line): line is string => !!line),
      };
    }
    case 'opportunity.stage_changed':
      return {
        title: `Stage ${stageName(context, before.stage)} → ${stageName(context, after.stage)}`,
        lines: [],
      };
    case 'opportunity.meddpicc_updated': {
      const element = elementName(context, after.element ?? before.element);
      const lines: string[] = [];
      if ((before.contactId ?? null) !== (after.contactId ?? null)) {
        const person = (id: unknown) => (id ? context.contactName(String(id)) : '—');
        lines.push(`Person ${person(before.contactId)} → ${person(after.contactId)}`);
      }
      if ((before.summary ?? null) !== (after.summary ?? null))
        lines.push(`Summary ${quoted(after.summary)}`);
      return {
        title: `${frameworkOf(context.playbook)} ${element} ${String(before.level ?? 'unknown')} → ${String(after.level ?? 'unknown')}`,
        lines,
      };
    }
    case 'opportunity.criterion_attested':
    case 'opportunity.criterion_withdrawn': {
      const key = String(after.criterion ?? before.criterion ?? '');
      const text = criterionOf(context.pipeline, key)?.text ?? key;
      if (event.action === 'opportunity.criterion_withdrawn')
        return { title: `Attestation withdrawn: ${text}`, lines: [] };
      return {
        title: `Attested: ${text}`,
        lines: [
          after.note ? `Note ${quoted(after.note)}` : '',
          after.evidenceUrl ? `Evidence ${String(after.evidenceUrl)}` : '',
        ].filter(Boolean),
      };
    }
    case 'opportunity.milestone_recorded':
    case 'opportunity.milestone_withdrawn': {
      const key = after.milestone ?? before.milestone;
      const name =
        context.playbook.milestones.find((milestone) => milestone.key === key)?.name ?? String(key);
      return {
        title: `${name} ${event.action.endsWith('recorded') ? 'recorded' : 'withdrawn'}`,
        lines: after.evidenceUrl ? [`Evidence ${String(after.evidenceUrl)}`] : [],
      };
    }
    case 'opportunity.poc_plan_created':
      return {
        title: 'POC plan created',
        lines:
          typeof after.sessions === 'number'
            ? [`${after.sessions} sessions, ${String(after.criteria ?? 0)} success criteria`]
            : [],
      };
    case 'opportunity.poc_session_added':
    case 'opportunity.poc_session_updated': {
      const session = { ...before, ...after };
      const title = sessionTitle(sessionTemplates(context.playbook), {
        templateKey: String(session.templateKey ?? ''),
        name: String(session.name ?? 'POC session'),
        sequence: typeof session.sequence === 'number' ? session.sequence : 1,
      });
      if (event.action === 'opportunity.poc_session_added') return { title: `POC ${title} added`, lines: [] };
      const status = (value: unknown) => (value === 'completed' ? 'held' : String(value ?? '—'));
      const lines: string[] = [];
      if (before.status !== after.status)
        lines.push(`Status ${status(before.status)} → ${status(after.status)}`);
      if (before.scheduledAt !== after.scheduledAt)
        lines.push(
          `Scheduled ${before.scheduledAt ? formatDateTime(String(before.scheduledAt)) : '—'} → ${after.scheduledAt ? formatDateTime(String(after.scheduledAt)) : '—'}`,
        );
      if (before.notes !== after.notes) lines.push(`Notes ${quoted(after.notes)}`);
      if (
        JSON.stringify(before.attendees) !== JSON.stringify(after.attendees) &&
        Array.isArray(after.attendees)
      )
        lines.push(`Attendees ${after.attendees.map((person) => asFields(person).name).join(', ') || '—'}`);
      return { title: `POC ${title} changed`, lines };
    }
    case 'opportunity.poc_criterion_updated': {
      const status = (value: unknown) => words(String(value ?? 'pending'));
      const lines: string[] = [];
      if (before.target !== after.target)
        lines.push(`Target ${quoted(before.target)} → ${quoted(after.target)}`);
      if (before.result !== after.result)
        lines.push(`Result ${quoted(before.result)} → ${quoted(after.result)}`);
      return {
        title: `POC success criterion ${quoted(after.text ?? before.text)}: ${status(before.status)} → ${status(after.status)}`,
        lines,
      };
    }
    case 'opportunity.poc_benchmark_added':
    case 'opportunity.poc_benchmark_updated':
    case 'opportunity.poc_benchmark_removed': {
      const benchmark = event.action.endsWith('removed') ? before : after;
      const verb = event.action.slice('opportunity.poc_benchmark_'.length);
      const latency =
        typeof benchmark.baselineLatencyMs === 'number'
          ? [`${benchmark.baselineLatencyMs} → ${String(ourSide(benchmark, 'LatencyMs'))} ms`]
          : [];
      return { title: `Benchmark ${verb}: ${quoted(benchmark.workload)}`, lines: latency };
    }
    case 'opportunity.poc_tco_set': {
      const tco = asFields(after.tco ?? after);
      const money = (value: unknown) =>
        typeof value === 'number' ? formatMoney(value, String(tco.currency ?? context.currency)) : '—';
      return {
        title: 'POC cost comparison recorded',
        lines:
          typeof tco.baselineAnnualMinor === 'number'
            ? [
                `${money(tco.baselineAnnualMinor)} a year today → ${money(ourSide(tco, 'AnnualMinor'))} on ${companyOf(context.playbook)}`,
              ]
            : [],
      };
    }
    case 'opportunity.poc_plan_signed_off': {
      const signOff = asFields(after.signOff ?? after);
      return {
        title: `Mutual POC Success Plan signed off${signOff.contactId ? ` by ${context.contactName(String(signOff.contactId))}` : ''}`,
        lines: signOff.evidenceUrl ? [`Signed plan ${String(signOff.evidenceUrl)}`] : [],
      };
    }
    case 'opportunity.poc_sign_off_withdrawn':
      return { title: 'POC plan sign-off withdrawn', lines: [] };
    case 'opportunity.poc_readout_recorded': {
      const readout = asFields(after.readout ?? after);
      return { title: 'POC readout recorded', lines: readout.note ? [quoted(readout.note)] : [] };
    }
    case 'opportunity.stall_snoozed': {
      const snooze = asFields(after.stallSnooze);
      return {
        title: `Stall snoozed until ${String(snooze.until ?? '—')}`,
        lines: snooze.reason ? [quoted(snooze.reason)] : [],
      };
    }
    case 'opportunity.stall_resumed':
      return { title: 'Stall snooze ended', lines: [] };
    default:
      return {
        title: words(event.action.split('.')[1] ?? event.action, frameworkOf(context.playbook)),
        lines: [],
      };
  }
}

/** An event of the deal's history in words: what changed, from what to what. */
export function describeEvent(event: HistoryEvent, context: HistoryContext): EventWords {
  return event.entityType === 'activity' ? activityWords(event, context) : opportunityWords(event, context);
}
