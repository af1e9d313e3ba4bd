export { AuthGate } from './AuthGate';
export { useSession } from './session';
export { UserMenu } from './UserMenu';
