import { createContext, type ReactNode, useContext } from 'react';
import type { AccountView, Contact, OpportunityView, Pipeline, Playbook } from '../../api';
import { paths } from '../../shared/paths';
import { useDealWrite } from './queries';

/** What every part of the workspace reads: the deal as read (with the caller's rights), its account, the playbook. */
export interface WorkspaceValue {
  playbook: Playbook;
  pipeline: Pipeline;
  view: OpportunityView;
  /** The ETag the deal was read with: every write sends it (If-Match). */
  etag: string | null;
  /** The deal's account with its contacts and the caller's rights on it; undefined while it loads. */
  account: AccountView | undefined;
  contacts: Contact[];
  /** A write to the deal (or a stage move) is under way: controls wait. */
  busy: boolean;
  /** What the address asks to bring into view (`criterion:key`, `meddpicc:key`, `log:call`, …). */
  focus: string | null;
  nameOf: (userId: string) => string;
}

const WorkspaceContext = createContext<WorkspaceValue | null>(null);

export function WorkspaceProvider({ value, children }: { value: WorkspaceValue; children: ReactNode }) {
  return <WorkspaceContext.Provider value={value}>{children}</WorkspaceContext.Provider>;
}

export function useWorkspace(): WorkspaceValue {
  const value = useContext(WorkspaceContext);
  if (!value) throw new Error('useWorkspace outside the opportunity workspace');
  return value;
}

/** The address of a place in this deal's workspace (another tab, an item in it). */
export function useFocusHref(): (focus: string) => string {
  const { view } = useWorkspace();
  return (focus) => paths.opportunity(view.opportunity.id, focus);
}

/**
 * A write of one form or control to the deal, with the ETag read: its own pending state and error, so a
 * refusal is shown at the form that caused it (field errors at their fields), not at the top of the page.
 */
export function useWrite() {
  const { view, etag } = useWorkspace();
  return useDealWrite(view.opportunity.id, etag);
}
