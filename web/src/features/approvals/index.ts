export { ApprovalsPage } from './ApprovalsPage';
export { usePendingApprovalCount } from './queries';
