import type { TypeFit } from '../account/type-fit.js';
import { err, ok, type Result } from '../result.js';
import type { RequirementCheck } from './requirement-check.js';
import type { GateActor } from './stage-change-request.js';

export interface TypeFitPass {
  check: RequirementCheck;
  /** Set when the type does not fit and a role with the override right forced it, with the reason. */
  override: { by: string; justification: string } | null;
}

export type TypeFitRefusal =
  | { code: 'type_not_for_customer'; fit: TypeFit }
  | { code: 'override_not_allowed'; message: string }
  | { code: 'justification_missing'; message: string };

/** The type-vs-customer requirement as the gate lists it (on create, type change and every forward move). */
export function customerFitCheck(stage: string, fit: { fits: boolean; message: string }): RequirementCheck {
  return {
    kind: 'customer_fit',
    stage,
    phase: 'entrance',
    key: 'type_fits_customer',
    label: 'The deal type suits the customer class',
    met: fit.fits,
    message: fit.message,
  };
}

/**
 * Whether a deal may be created with, or changed to, a type: it must suit the account's customer class, or be
 * forced by a role with the override right and a written justification (audited like any gate override).
 */
export function decideTypeFit(
  fit: TypeFit,
  stage: string,
  override: { justification: string } | null | undefined,
  actor: GateActor,
): Result<TypeFitPass, TypeFitRefusal> {
  const check = customerFitCheck(stage, fit);
  if (fit.fits) return ok({ check, override: null });
  if (!override) return err({ code: 'type_not_for_customer', fit });
  if (!actor.canOverride) {
    return err({
      code: 'override_not_allowed',
      message: 'Only a Regional VP or an admin may override the type-vs-customer rule.',
    });
  }
  const justification = override.justification.trim();
  if (justification.length === 0) {
    return err({ code: 'justification_missing', message: 'An override needs a written justification.' });
  }
  return ok({ check, override: { by: actor.id, justification } });
}
