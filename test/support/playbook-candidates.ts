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

/** Firebolt without the New Business pipeline's `propose` stage (its criteria go with it), plus `mappings`. */
export function withoutPropose(mappings?: Record<string, unknown>): string {
  const file = fireboltFile();
  const [newBusiness] = file.pipelines;
  if (newBusiness) newBusiness.stages = newBusiness.stages.filter((stage) => stage.key !== 'propose');
  return YAML.stringify(mappings ? { ...file, mappings } : file);
}

export function parsed(source: string): Playbook {
  const result = parsePlaybook(source, 'candidate.yaml');
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}
