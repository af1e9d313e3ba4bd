import type { Permission, Session } from '../../api';

/**
 * The caller's rights on territory models: reading needs manageTerritories or the RVP role; every change
 * needs manageTerritories (RevOps admins).
 */
export function territoryRights(session: Session | null | undefined): { read: boolean; edit: Permission } {
  const edit = session?.permissions.manageTerritories ?? { allowed: false, who: 'Who may: RevOps admin.' };
  return { read: edit.allowed || session?.user.role === 'rvp', edit };
}
