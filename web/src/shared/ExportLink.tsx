import { Button } from '@mantine/core';
import { type RequestOptions, urlFor } from '../api';

/**
 * Downloads a CSV export of what the list shows (the same filters, every page). Anyone who sees the list may
 * export it: the server writes only the records the caller may read.
 */
export function ExportLink({
  path,
  query,
  what,
}: {
  path: string;
  query: RequestOptions['query'];
  what: string;
}) {
  return (
    <Button
      component="a"
      variant="default"
      href={urlFor(path, query)}
      download
      aria-label={`Export CSV of ${what}`}
    >
      Export CSV
    </Button>
  );
}
