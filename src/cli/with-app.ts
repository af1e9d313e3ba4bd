import type { AppContext } from '../app/context.js';
import { openApp } from '../app/open-app.js';
import { findUserByEmail } from '../db/repositories/user-records-repo.js';
import { appConfig, readConfig } from './config.js';

/** Opens the app from the environment, runs a command over it, and closes it whatever happens. */
export async function withApp(run: (context: AppContext) => Promise<void>): Promise<void> {
  const app = await openApp(appConfig(readConfig()));
  try {
    await run(app.context);
  } finally {
    await app.close();
  }
}

/** A user's id from their email (options such as --user and --manager take emails). */
export async function userIdByEmail(context: AppContext, email: string, option: string): Promise<string> {
  const found = await findUserByEmail(context.db, email);
  if (!found) throw new Error(`${option}: no user with the email ${email}`);
  return found.user.id;
}
