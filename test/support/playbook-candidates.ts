import { readFileSync } from 'node:fs';
import YAML from 'yaml';
import { DEFAULT_PLAYBOOK_FILE, parsePlaybook } from '../../src/app/playbook/load-playbook.js';
import type { Playbook } from '../../src/domain/playbook/playbook.js';

/** The shipped Firebolt file as its raw (file-format) object, to edit into candidate versions. */
export function fireboltFile(): Record<string, unknown> & {
  pipelines: Array<{ key: string; stages: Array<{ key: string; probability?: number }> }>;
} {
  return YAML.parse(readFileSync(DEFAULT_PLAYBOOK_FILE, 'utf8'));
}

/**
 * Firebolt without the New Business pipeline's `propose` stage (its criteria go with it), plus `mappings`.
 * Offers then start from the next stage, as RevOps would say in the same edit (the closing section may not
 * name a stage the file no longer has).
 */
export function withoutPropose(mappings?: Record<string, unknown>): string {
  const file = fireboltFile();
  const [newBusiness] = file.pipelines;
  if (newBusiness) newBusiness.stages = newBusiness.stages.filter((stage) => stage.key !== 'propose');
  offersFromNegotiate(file);
  return YAML.stringify(mappings ? { ...file, mappings } : file);
}

/** New Business offers start at Negotiate: the closing section's part of an edit that removes Propose. */
export function offersFromNegotiate(file: Record<string, unknown>) {
  const closing = file.closing as { offersFrom: Record<string, string> } | undefined;
  if (closing) closing.offersFrom.new_business = 'negotiate';
}

export function parsed(source: string): Playbook {
  const result = parsePlaybook(source, 'candidate.yaml');
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}
