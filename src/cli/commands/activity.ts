import type { Command } from 'commander';
import { systemActor } from '../../app/access/actors.js';
import { activityListQuery, logActivityInput } from '../../app/activities/activity-inputs.js';
import { listActivities } from '../../app/activities/list-activities.js';
import { type ActivityTarget, logActivity } from '../../app/activities/log-activity.js';
import { parseCliInput, valueOrThrow } from '../cli-input.js';
import { userIdByEmail, withApp } from '../with-app.js';

interface TargetOptions {
  deal?: string;
  account?: string;
}

interface LogOptions extends TargetOptions {
  kind: string;
  summary: string;
  at?: string;
  by?: string[];
  contact?: string[];
  link?: string;
}

function targetOf(options: TargetOptions): ActivityTarget {
  if (options.deal && !options.account) return { opportunityId: options.deal };
  if (options.account && !options.deal) return { accountId: options.account };
  throw new Error('name exactly one of --deal <id> or --account <id>');
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function registerActivity(program: Command) {
  const activity = program.command('activity').description('Calls, meetings, emails and notes');
  activity
    .command('log')
    .option('--deal <id>', 'log it on this deal')
    .option('--account <id>', 'or on this account')
    .requiredOption('--kind <kind>', 'call, meeting, email or note')
    .requiredOption('--summary <text>', 'what was discussed')
    .option('--at <iso>', 'when it took place (ISO 8601 with a zone); now when left out')
    .option('--by <email>', 'who from our side took part (repeatable)', collect)
    .option('--contact <id>', 'a contact who took part (repeatable)', collect)
    .option('--link <url>', 'a recording or thread')
    .description('Log an activity that took place; criteria such as "Call notes" are derived from them')
    .action(async (options: LogOptions) => {
      await withApp(async (context) => {
        const userIds = await Promise.all(
          (options.by ?? []).map((email) => userIdByEmail(context, email, '--by')),
        );
        const input = parseCliInput(logActivityInput, {
          kind: options.kind,
          summary: options.summary,
          userIds,
          contactIds: options.contact ?? [],
          ...(options.at !== undefined && { occurredAt: options.at }),
          ...(options.link !== undefined && { link: options.link }),
        });
        const logged = valueOrThrow(await logActivity(context, systemActor('cli'), targetOf(options), input));
        console.log(`${logged.id}: ${logged.kind} logged on ${logged.opportunityId ?? logged.accountId}`);
      });
    });
  activity
    .command('list')
    .option('--deal <id>', "a deal's activities")
    .option('--account <id>', "or an account's (its own and its deals')")
    .option('--limit <n>', 'how many, newest first', '50')
    .description('List activities, newest first')
    .action(async (options: TargetOptions & { limit: string }) => {
      await withApp(async (context) => {
        const query = parseCliInput(activityListQuery, { limit: options.limit });
        const page = valueOrThrow(
          await listActivities(context, systemActor('cli'), targetOf(options), query),
        );
        for (const item of page.items) {
          console.log(`${item.occurredAt.toISOString()}  ${item.kind.padEnd(7)} ${item.id}  ${item.summary}`);
        }
        if (page.items.length === 0) console.log('no activities');
      });
    });
}
