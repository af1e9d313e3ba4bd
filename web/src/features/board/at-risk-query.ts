import { useQuery } from '@tanstack/react-query';
import { type DealsAtRisk, getJson, type Inspection } from '../../api';

export type RiskById = ReadonlyMap<string, Pick<Inspection, 'health' | 'velocity'>>;

const EMPTY: RiskById = new Map();

/**
 * The open deals of the pipeline with red health or At Risk velocity (the worst 100), for the cards'
 * badges. Asked for once the board is on screen (`ready`): inspecting thousands of deals takes the server
 * a while, and the board must not wait for it.
 */
export function useDealsAtRisk(pipeline: string, ready: boolean): RiskById {
  const query = useQuery({
    queryKey: ['deals-at-risk', pipeline],
    queryFn: ({ signal }) => getJson<DealsAtRisk>('/deals-at-risk', { pipeline, limit: 100 }, signal),
    enabled: ready,
    staleTime: 60_000,
    structuralSharing: false,
    select: (answer): RiskById =>
      new Map(answer.items.map(({ opportunity, inspection }) => [opportunity.id, inspection])),
  });
  return query.data ?? EMPTY;
}
