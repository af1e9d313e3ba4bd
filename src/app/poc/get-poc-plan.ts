import { findPocPlan } from '../../db/repositories/poc-repo.js';
import { err, ok, type Result } from '../../domain/result.js';
import { readableOpportunity } from '../access/authorize.js';
import { type AppError, notFound } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { type PocView, pocView } from './poc-view.js';

/** The deal's POC plan with its assessment; 404 when the deal is unseen or has no plan. */
export async function getPocPlan(
  context: AppContext,
  actor: Actor,
  id: string,
): Promise<Result<PocView, AppError>> {
  const readable = await readableOpportunity(context.db, actor, id);
  if (!readable.ok) return readable;
  const plan = await findPocPlan(context.db, id);
  if (!plan) return err(notFound('POC plan of opportunity', id));
  return ok(pocView(plan, readable.value.version, context.playbook.inspection.poc));
}
