import type { Command } from 'commander';
import { systemActor } from '../../app/access/actors.js';
import { generatePassword } from '../../app/auth/passwords.js';
import { createUser } from '../../app/users/create-user.js';
import { setPassword } from '../../app/users/set-password.js';
import { createUserInput, password as passwordSchema } from '../../app/users/user-inputs.js';
import { parseCliInput, readStdin, valueOrThrow } from '../cli-input.js';
import { userIdByEmail, withApp } from '../with-app.js';

interface CreateOptions {
  email: string;
  name: string;
  role: string;
  region?: string;
  manager?: string;
  passwordStdin?: boolean;
}

/** The password from stdin (validated), or a generated one the command prints once. */
async function choosePassword(fromStdin: boolean | undefined) {
  if (fromStdin) return { password: parseCliInput(passwordSchema, await readStdin()), generated: false };
  return { password: generatePassword(), generated: true };
}

export function registerUser(program: Command) {
  const user = program.command('user').description('Manage users (e.g. the first admin of a real install)');
  user
    .command('create')
    .requiredOption('--email <email>')
    .requiredOption('--name <name>')
    .requiredOption('--role <role>', 'ae, sdr, se, csm, rvp, vp_finance, revops_admin or viewer')
    .option('--region <key>', 'region key, e.g. emea')
    .option('--manager <email>', "the manager's email")
    .option('--password-stdin', 'read the password from stdin instead of generating one')
    .description('Add a user; prints a generated password once (or takes one from stdin)')
    .action(async (options: CreateOptions) => {
      const { password, generated } = await choosePassword(options.passwordStdin);
      await withApp(async (context) => {
        const managerId = options.manager ? await userIdByEmail(context, options.manager, '--manager') : null;
        const { email, name, role, region } = options;
        const input = parseCliInput(createUserInput, { email, name, role, region, managerId, password });
        const created = valueOrThrow(await createUser(context, systemActor('cli'), input));
        console.log(`closepath: created ${created.id} — ${created.email} (${created.role})`);
        if (generated) console.log(`password (shown once): ${password}`);
      });
    });
  user
    .command('set-password')
    .argument('<email>')
    .option('--password-stdin', 'read the password from stdin instead of generating one')
    .description("Set a user's password (ends their sessions); prints a generated password once")
    .action(async (email: string, options: { passwordStdin?: boolean }) => {
      const { password, generated } = await choosePassword(options.passwordStdin);
      await withApp(async (context) => {
        const id = await userIdByEmail(context, email, 'set-password');
        const { sessionsEnded } = valueOrThrow(await setPassword(context, systemActor('cli'), id, password));
        console.log(`closepath: password set for ${email}; ${sessionsEnded} session(s) ended`);
        if (generated) console.log(`password (shown once): ${password}`);
      });
    });
}
