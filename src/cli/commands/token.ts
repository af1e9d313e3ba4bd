import type { Command } from 'commander';
import { systemActor } from '../../app/access/actors.js';
import { createToken } from '../../app/tokens/create-token.js';
import { revokeToken } from '../../app/tokens/revoke-token.js';
import { createTokenInput } from '../../app/tokens/token-inputs.js';
import { parseCliInput, valueOrThrow } from '../cli-input.js';
import { userIdByEmail, withApp } from '../with-app.js';

interface CreateOptions {
  user: string;
  name: string;
  scope?: string;
  expires?: string;
}

export function registerToken(program: Command) {
  const token = program.command('token').description('API tokens for integrations');
  token
    .command('create')
    .requiredOption('--user <email>', 'the user the token acts as')
    .requiredOption('--name <name>', 'what the token is for')
    .option('--scope <scope>', 'read (GET only) or write', 'write')
    .option('--expires <iso>', 'expiry as an ISO 8601 UTC instant; never if left out')
    .description('Issue a token; prints it once (send it as Authorization: Bearer …)')
    .action(async (options: CreateOptions) => {
      await withApp(async (context) => {
        const userId = await userIdByEmail(context, options.user, '--user');
        const input = parseCliInput(createTokenInput, {
          userId,
          name: options.name,
          scope: options.scope,
          ...(options.expires !== undefined && { expiresAt: options.expires }),
        });
        const created = valueOrThrow(await createToken(context, systemActor('cli'), input));
        console.log(`closepath: token ${created.token.id} (${created.token.scope}) for ${options.user}`);
        console.log(`token (shown once): ${created.secret}`);
      });
    });
  token
    .command('revoke')
    .argument('<id>', 'the token id (tok_…)')
    .description('Revoke a token at once')
    .action(async (id: string) => {
      await withApp(async (context) => {
        valueOrThrow(await revokeToken(context, systemActor('cli'), id));
        console.log(`closepath: token ${id} revoked`);
      });
    });
}
