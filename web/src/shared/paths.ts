/** Every screen's address, in one place: features link to each other through these, never by import. */
export const paths = {
  home: '/',
  board: (pipeline: string) => `/board/${encodeURIComponent(pipeline)}`,
  opportunity: (id: string, focus?: string) =>
    `/opportunities/${encodeURIComponent(id)}${focus ? `?focus=${encodeURIComponent(focus)}` : ''}`,
  accounts: '/accounts',
  atRisk: '/at-risk',
  account: (id: string) => `/accounts/${encodeURIComponent(id)}`,
} as const;

/** What a workspace link asks to bring into view: a criterion, a MEDDPICC element or a field. */
export const focusKey = (kind: string, key: string) => `${kind}:${key}`;
