import { Anchor } from '@mantine/core';

/** " — evidence", linking to the evidence an attestation or a milestone was recorded with (a new tab). */
export function EvidenceLink({ href }: { href: string | null }) {
  if (!href) return null;
  return (
    <>
      {' — '}
      <Anchor href={href} target="_blank" rel="noreferrer noopener" size="xs" underline="always">
        evidence
      </Anchor>
    </>
  );
}
