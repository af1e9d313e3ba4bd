import { stringify } from 'yaml';
import { startingMapping } from '../../domain/imports/starting-mapping.js';
import { err, ok, type Result } from '../../domain/result.js';
import type { AppError } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { checkImportRight } from './import-salesforce.js';

const HEADER = [
  '# A starting mapping for the playbook in force: edit the left-hand sides to the values of your export.',
  '# stages: per pipeline, Salesforce StageName → stage key. types: Salesforce Type → type key.',
  '# owners: Salesforce user id (OwnerId) → the e-mail of a Closepath user; rows with neither an owner nor',
  '# an owner e-mail column are owned as the territory model routes their account.',
  '# See imports/salesforce-mapping.example.yaml for a filled-in example.',
].join('\n');

/** The mapping file (YAML) to start an import from, for the playbook in force (`importData`). */
export function getImportMappingTemplate(
  context: AppContext,
  actor: Actor,
): Result<{ mapping: string; playbook: string }, AppError> {
  const refused = checkImportRight(actor);
  if (refused) return err(refused);
  const mapping = stringify(startingMapping(context.playbook), { lineWidth: 0 });
  return ok({ mapping: `${HEADER}\n${mapping}`, playbook: context.playbook.name });
}
