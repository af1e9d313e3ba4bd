import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect } from 'react';
import { whenSignedOut } from '../../api';
import { ErrorState, LoadingState } from '../../shared/states';
import { LoginPage } from './LoginPage';
import { SESSION_KEY, useSession } from './session';

/** Shows the sign-in page until someone is signed in, and again as soon as the session ends. */
export function AuthGate({ children }: { children: ReactNode }) {
  const session = useSession();
  const queryClient = useQueryClient();
  useEffect(() => {
    whenSignedOut(() => queryClient.setQueryData(SESSION_KEY, null));
    return () => whenSignedOut(null);
  }, [queryClient]);

  if (session.isPending) return <LoadingState label="Checking who you are…" />;
  if (session.isError) {
    return (
      <ErrorState title="Could not reach Closepath" error={session.error} onRetry={() => session.refetch()} />
    );
  }
  return session.data ? children : <LoginPage />;
}
