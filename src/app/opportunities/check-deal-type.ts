import type { Kysely } from 'kysely';
import { listCustomerRecords } from '../../db/repositories/inspection-repo.js';
import type { Database } from '../../db/schema.js';
import { judgeTypeFit } from '../../domain/account/type-fit.js';
import { dayOf } from '../../domain/contract/contract.js';
import { decideTypeFit, type TypeFitRefusal } from '../../domain/gates/decide-type-fit.js';
import { type GateSnapshot, typeFitSnapshot } from '../../domain/gates/gate-snapshot.js';
import type { Playbook } from '../../domain/playbook/playbook.js';
import type { MeddpiccState } from '../../domain/qualification/meddpicc.js';
import { err, ok, type Result } from '../../domain/result.js';
import { type AppError, invalid } from '../app-error.js';
import type { Actor } from '../context.js';

export interface TypedDeal {
  id: string | null;
  accountId: string;
  type: string;
  pipeline: string;
  stage: string;
  meddpicc: MeddpiccState;
}

function toAppError(playbook: Playbook, refusal: TypeFitRefusal): AppError {
  switch (refusal.code) {
    case 'type_not_for_customer': {
      const { fit } = refusal;
      return {
        code: 'type_not_for_customer',
        message: fit.message,
        customerClass: { key: fit.customerClass, name: fit.className },
        allowedTypes: fit.allowedTypes.map((key) => ({
          key,
          name: playbook.opportunityTypes.find((type) => type.key === key)?.name ?? key,
        })),
      };
    }
    case 'override_not_allowed':
      return refusal;
    case 'justification_missing':
      return invalid([{ path: 'override.justification', message: refusal.message }]);
  }
}

/**
 * The type-vs-customer rule for a create or a type change: 422 `type_not_for_customer` naming the class and
 * the types it allows, unless a role with the override right forces it with a justification. The snapshot
 * (the check, and the override if any) goes into the change's audit event.
 */
export async function checkDealType(
  db: Kysely<Database>,
  playbook: Playbook,
  actor: Actor,
  deal: TypedDeal,
  change: {
    kind: 'create' | 'type_change';
    override: { justification: string } | null | undefined;
    now: Date;
  },
): Promise<Result<GateSnapshot, AppError>> {
  const customers = await listCustomerRecords(db, [deal.accountId]);
  const customer = customers.get(deal.accountId) ?? { selfServeUsage: false, contracts: [] };
  const fit = judgeTypeFit(playbook, deal.type, customer, dayOf(change.now), deal.id);
  const decided = decideTypeFit(fit, deal.stage, change.override, actor);
  if (!decided.ok) return err(toAppError(playbook, decided.error));
  return ok(typeFitSnapshot(playbook, deal, change.kind, decided.value, actor.id, change.now));
}
