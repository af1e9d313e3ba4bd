import { humanize } from '../../shared/format';

/** Words as people write them: MEDDPICC, POC and TCO in capitals ("Incomplete meddpicc" → "Incomplete MEDDPICC"). */
export function words(key: string): string {
  return humanize(key)
    .replace(/\bmeddpicc\b/gi, 'MEDDPICC')
    .replace(/\bpoc\b/gi, 'POC')
    .replace(/\btco\b/gi, 'TCO');
}
