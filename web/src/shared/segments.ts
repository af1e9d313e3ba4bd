import type { Account } from '../api';

/** The segments as people write them ("SMB", not "Smb"), in the order the pickers list them. */
export const SEGMENTS: ReadonlyArray<{ value: Account['segment']; label: string }> = [
  { value: 'enterprise', label: 'Enterprise' },
  { value: 'mid_market', label: 'Mid-market' },
  { value: 'smb', label: 'SMB' },
];

export const segmentLabel = (segment: string): string =>
  SEGMENTS.find((candidate) => candidate.value === segment)?.label ?? segment;
