import { findContact } from '../../db/repositories/accounts-repo.js';
import { saveOpportunity } from '../../db/repositories/opportunities-repo.js';
import { listMeddpicc, saveMeddpicc } from '../../db/repositories/qualification-repo.js';
import type { MeddpiccRecord } from '../../domain/opportunity/opportunity.js';
import { err, ok, type Result } from '../../domain/result.js';
import { lockOpportunity } from '../access/authorize.js';
import { type AppError, type FieldIssue, invalid } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { storeInspections } from '../inspection/store-inspections.js';
import { recordEvent } from '../shared/record-event.js';
import type { MeddpiccInput } from './opportunity-inputs.js';

/**
 * Records what is known of one MEDDPICC element. Anything beyond `unknown` needs a summary; an element that
 * names a person (Economic Buyer, Champion) needs a contact of the deal's account once identified.
 */
export async function setMeddpicc(
  context: AppContext,
  actor: Actor,
  id: string,
  elementKey: string,
  input: MeddpiccInput,
  expectedVersion?: number,
): Promise<Result<MeddpiccRecord, AppError>> {
  const element = context.playbook.qualification.elements.find((candidate) => candidate.key === elementKey);
  if (!element) {
    const known = context.playbook.qualification.elements.map((candidate) => candidate.key).join(', ');
    return err(
      invalid([
        {
          path: 'element',
          message: `unknown ${context.playbook.qualification.framework} element; use one of: ${known}`,
        },
      ]),
    );
  }
  return context.db.transaction().execute(async (trx) => {
    const locked = await lockOpportunity(trx, actor, id, 'qualify', expectedVersion);
    if (!locked.ok) return locked;
    const opportunity = locked.value;
    const issues: FieldIssue[] = [];
    const known = input.level !== 'unknown';
    if (known && !input.summary)
      issues.push({ path: 'summary', message: `a ${input.level} element needs a summary` });
    if (input.contactId) {
      const contact = await findContact(trx, input.contactId);
      if (contact?.accountId !== opportunity.accountId) {
        issues.push({ path: 'contactId', message: "not a contact of this deal's account" });
      }
    } else if (known && element.namesPerson) {
      issues.push({ path: 'contactId', message: `${element.name} names a person: link the contact` });
    }
    if (issues.length > 0) return err(invalid(issues));
    const now = context.now();
    const before = (await listMeddpicc(trx, id)).find((entry) => entry.element === element.key) ?? null;
    const record: MeddpiccRecord = {
      element: element.key,
      level: input.level,
      summary: input.summary ?? null,
      contactId: input.contactId ?? null,
      updatedBy: actor.id,
      updatedAt: now,
    };
    await saveMeddpicc(trx, id, record);
    await saveOpportunity(trx, { ...opportunity, version: opportunity.version + 1, updatedAt: now });
    await recordEvent(trx, actor, now, {
      entityType: 'opportunity',
      entityId: id,
      action: 'opportunity.meddpicc_updated',
      before,
      after: record,
    });
    await storeInspections(context, trx, [id]);
    return ok(record);
  });
}
