import { useQuery } from '@tanstack/react-query';
import { type DealsAtRisk, getJson, type Inspection } from '../../api';

export type RiskById = ReadonlyMap<string, Pick<Inspection, 'health' | 'velocity'>>;

const EMPTY: RiskById = new Map();

/**
 * The open deals of the pipeline with red health or At Risk velocity (the worst 200), for the cards'
 * badges. Loaded beside the board, never before it: the board does not wait for the inspection.
 */
export function useDealsAtRisk(pipeline: string): RiskById {
  const query = useQuery({
    queryKey: ['deals-at-risk', pipeline],
    queryFn: ({ signal }) => getJson<DealsAtRisk>('/deals-at-risk', { pipeline, limit: 200 }, signal),
    staleTime: 60_000,
    select: (answer): RiskById =>
      new Map(answer.items.map(({ opportunity, inspection }) => [opportunity.id, inspection])),
  });
  return query.data ?? EMPTY;
}
