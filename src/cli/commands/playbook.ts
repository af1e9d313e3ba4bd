import type { Command } from 'commander';
import { describePlaybookProblems, readPlaybook } from '../../app/playbook/load-playbook.js';
import { judgeChange } from '../../app/playbook/preview-playbook-change.js';
import { diffPlaybooks } from '../../domain/playbook/diff-playbooks.js';
import type { Playbook } from '../../domain/playbook/playbook.js';
import { describeDiff, describeJudgement } from './describe-preview.js';
import { openPlaybookDatabase } from './playbook-database.js';

async function readOrReport(file: string): Promise<Playbook | undefined> {
  const result = await readPlaybook(file);
  if (result.ok) return result.value;
  console.error(describePlaybookProblems(result.error));
  process.exitCode = 1;
  return undefined;
}

export function registerPlaybook(program: Command) {
  const playbook = program.command('playbook').description('Work with playbook files');
  playbook
    .command('check')
    .argument('<file>', 'a playbook file (YAML or JSON)')
    .option('--no-database', 'check the file only, not against the records of the configured database')
    .description(
      'Validate a playbook; prints each problem with its path and reason. With a database configured (DATABASE_URL, ' +
        'or an existing DATA_DIR) also checks it against the records, as the server does when it starts',
    )
    .action(async (file: string, options: { database: boolean }) => {
      const next = await readOrReport(file);
      if (!next) return;
      const stages = next.pipelines
        .map((pipeline) => `${pipeline.name} (${pipeline.stages.length} stages)`)
        .join(', ');
      console.log(`${file}: valid — ${next.opportunityTypes.length} opportunity types; pipelines: ${stages}`);
      const database = options.database ? await openPlaybookDatabase(next) : undefined;
      if (!database) return;
      try {
        const judged = await judgeChange(database.context, database.latest?.playbook ?? next, next);
        console.log(describeJudgement(database.where, judged).join('\n'));
        if (!judged.check.accepted) process.exitCode = 1;
      } finally {
        await database.close();
      }
    });
  playbook
    .command('diff')
    .argument('[old]', 'the playbook file in force (or --current)')
    .argument('[new]', 'the candidate playbook file')
    .usage('OLD NEW | --current NEW')
    .option('--current', 'compare with the version in force in the configured database')
    .description(
      'Preview a playbook change: stages added, removed or mapped, probability changes, criteria and qualification ' +
        'levels added or removed; with a database configured, the refusal (with counts) or the moves the server would ' +
        'make, and the open deals whose stage would now ask for something unmet. Changes nothing; exit code 1 when ' +
        'the server would refuse the file',
    )
    .addHelpText(
      'after',
      '\nExamples:\n  closepath playbook diff playbooks/old.yaml playbooks/new.yaml\n  closepath playbook diff --current playbooks/new.yaml\n',
    )
    .action(
      async (oldFile: string | undefined, newFile: string | undefined, options: { current?: boolean }) => {
        const [previousFile, nextFile] = newFile === undefined ? [undefined, oldFile] : [oldFile, newFile];
        if (!nextFile || (previousFile === undefined) === !options.current) {
          console.error('closepath playbook diff: give OLD and NEW files, or --current and NEW');
          process.exitCode = 1;
          return;
        }
        const next = await readOrReport(nextFile);
        const fromFile = previousFile === undefined ? undefined : await readOrReport(previousFile);
        if (!next || (previousFile !== undefined && !fromFile)) return;
        const database = await openPlaybookDatabase(next);
        try {
          const previous = fromFile ?? database?.latest?.playbook;
          if (!previous) {
            console.error(
              'closepath playbook diff --current: the configured database has no playbook version yet',
            );
            process.exitCode = 1;
            return;
          }
          const label = fromFile ? previousFile : `version ${database?.latest?.number} in force`;
          console.log(`${previous.name} (${label}) → ${next.name} (${nextFile})`);
          console.log(describeDiff(diffPlaybooks(previous, next)).join('\n'));
          if (!database) return;
          const judged = await judgeChange(database.context, previous, next);
          console.log(describeJudgement(database.where, judged).join('\n'));
          if (!judged.check.accepted) process.exitCode = 1;
        } finally {
          await database?.close();
        }
      },
    );
}
