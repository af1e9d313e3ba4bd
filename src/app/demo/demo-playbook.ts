import { fileURLToPath } from 'node:url';

/** The playbook the product runs without PLAYBOOK_FILE or --playbook: the demo's, Firebolt's. */
export const DEFAULT_PLAYBOOK_FILE = fileURLToPath(
  new URL('../../../playbooks/firebolt.yaml', import.meta.url),
);

/** The demo org's territory and coverage model (the demo seed activates it; the bench routes on it). */
export const DEFAULT_TERRITORIES_FILE = fileURLToPath(
  new URL('../../../territories/firebolt.yaml', import.meta.url),
);
