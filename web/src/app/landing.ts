import type { Pipeline, Playbook, User } from '../api';
import { paths } from '../shared/paths';

/** The roles of the org (src/domain/access/roles.ts), as the API's User schema lists them. */
export type Role = User['role'];

/**
 * Where a role's work is, read from the loaded playbook (no pipeline is named here):
 * - `first_board`: the playbook's first pipeline;
 * - `selling_board`: the first pipeline with a type that does not renew a contract (winning new business,
 *   selling more), else the first pipeline;
 * - `renewal_board`: the first pipeline whose opportunity types renew a contract, else the first pipeline
 *   (a playbook without renewals);
 * - `commit_deals`: the deals list in forecast category Commit (what Finance closes);
 * - `approvals_first`: the approvals inbox when the role holds a step of the playbook's approval chain (what
 *   waits for Finance), else the Commit deals;
 * - `at_risk`: the deals at risk (a manager's and RevOps's first look).
 */
type Landing =
  | 'first_board'
  | 'selling_board'
  | 'renewal_board'
  | 'commit_deals'
  | 'approvals_first'
  | 'at_risk';

/**
 * Which boards open on the caller's own deals: `selling`, the pipelines with a type that does not renew a
 * contract; `renewing`, the pipelines with a type that does; null, none.
 */
type OwnWork = 'selling' | 'renewing' | null;

interface RoleHome {
  lands: Landing;
  myDealsOn: OwnWork;
}

/** Each role lands where its work is, and sees its own deals first where it owns the work. */
const ROLE_HOMES: Record<Role, RoleHome> = {
  ae: { lands: 'selling_board', myDealsOn: 'selling' },
  sdr: { lands: 'selling_board', myDealsOn: 'selling' },
  se: { lands: 'selling_board', myDealsOn: null },
  csm: { lands: 'renewal_board', myDealsOn: 'renewing' },
  vp_finance: { lands: 'approvals_first', myDealsOn: null },
  rvp: { lands: 'at_risk', myDealsOn: null },
  revops_admin: { lands: 'at_risk', myDealsOn: null },
  viewer: { lands: 'first_board', myDealsOn: null },
};

const UNKNOWN_ROLE: RoleHome = { lands: 'first_board', myDealsOn: null };

const homeOf = (role: string): RoleHome => ROLE_HOMES[role as Role] ?? UNKNOWN_ROLE;

const renews = (playbook: Playbook, pipeline: Pipeline) =>
  playbook.opportunityTypes.some((type) => type.pipeline === pipeline.key && type.renewsContract);
const sells = (playbook: Playbook, pipeline: Pipeline) =>
  playbook.opportunityTypes.some((type) => type.pipeline === pipeline.key && !type.renewsContract);

/** Whether the role's board of this pipeline opens on the caller's own deals. */
export function myDealsFirst(role: string, playbook: Playbook, pipelineKey: string): boolean {
  const pipeline = playbook.pipelines.find((candidate) => candidate.key === pipelineKey);
  const work = homeOf(role).myDealsOn;
  if (!pipeline || !work) return false;
  return work === 'renewing' ? renews(playbook, pipeline) : sells(playbook, pipeline);
}

/** Whether the role holds a step of the playbook's approval chain (and so has an approvals inbox). */
export const approves = (role: string, playbook: Playbook): boolean =>
  (playbook.closing?.approvals ?? []).some((step) => step.role === role);

/** Whether the role's deals list opens on the caller's own deals. */
export const myDealsListFirst = (role: string) => homeOf(role).myDealsOn !== null;

/** The address '/' sends the signed-in user to. */
export function landingPath(user: { id: string; role: string }, playbook: Playbook): string {
  const { lands } = homeOf(user.role);
  if (lands === 'approvals_first' && approves(user.role, playbook)) return paths.approvals;
  if (lands === 'commit_deals' || lands === 'approvals_first') return paths.deals({ forecast: 'commit' });
  if (lands === 'at_risk') return paths.atRisk;
  const fits = lands === 'renewal_board' ? renews : lands === 'selling_board' ? sells : () => true;
  const pipeline = playbook.pipelines.find((candidate) => fits(playbook, candidate)) ?? playbook.pipelines[0];
  if (!pipeline) return paths.deals();
  return paths.board(pipeline.key, myDealsFirst(user.role, playbook, pipeline.key) ? { owner: user.id } : {});
}
