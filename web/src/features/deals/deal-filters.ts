import { useLocation, useSearchParams } from 'wouter';
import type { Playbook } from '../../api';
import { humanize } from '../../shared/format';
import type { DealListFilters } from './queries';

/** The owner value in the address that means "anyone" where the default is the caller's own deals. */
export const ANYONE = 'all';

/**
 * The list's filters live in the address (`?pipeline=…&stage=…&forecast=…&owner=…`): a reload, Back from a
 * deal and a shared link keep them. Without an owner the list is the caller's own deals when `mineFirst`;
 * `owner=all` is anyone's. A stage is only kept with its pipeline.
 */
export function useDealFilters(
  me: string | null,
  mineFirst: boolean,
): [DealListFilters, (next: DealListFilters) => void] {
  const [here] = useLocation();
  const [params, setParams] = useSearchParams();
  const owner = params.get('owner');
  const pipeline = params.get('pipeline');
  const filters: DealListFilters = {
    pipeline,
    stage: pipeline ? params.get('stage') : null,
    forecastCategory: params.get('forecast'),
    ownerId: owner === ANYONE ? null : owner === null && mineFirst ? me : owner,
  };

  const write = (next: DealListFilters) => {
    if (window.location.pathname !== here) return;
    const entries = Object.entries({
      pipeline: next.pipeline,
      stage: next.pipeline ? next.stage : null,
      forecast: next.forecastCategory,
      owner: next.ownerId ?? (mineFirst ? ANYONE : null),
    }).filter((entry): entry is [string, string] => Boolean(entry[1]));
    setParams(entries, { replace: true });
  };

  return [filters, write];
}

/** The forecast categories the playbook's stages use, in the order they first appear. */
export function forecastCategories(playbook: Playbook): Array<{ value: string; label: string }> {
  const keys = [
    ...new Set(playbook.pipelines.flatMap((pipeline) => pipeline.stages.map((s) => s.forecastCategory))),
  ];
  return keys.map((key) => ({ value: key, label: humanize(key) }));
}

/** "Signature (New Business); Negotiate, Signature (Renewal)": where the deals of a forecast category are. */
export function stagesIn(playbook: Playbook, category: string, pipelineKey: string | null): string {
  return playbook.pipelines
    .filter((pipeline) => pipelineKey === null || pipeline.key === pipelineKey)
    .flatMap((pipeline) => {
      const names = pipeline.stages.filter((s) => s.forecastCategory === category).map((s) => s.name);
      return names.length > 0 ? [`${names.join(', ')} (${pipeline.name})`] : [];
    })
    .join('; ');
}
