import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, request, type Session, setCsrfToken } from '../../api';

export const SESSION_KEY = ['session'] as const;

/** Who is signed in, or null; keeps the CSRF token the API client sends on changes. */
async function fetchSession(): Promise<Session | null> {
  try {
    const { data } = await request<Session>('/auth/me');
    setCsrfToken(data.csrfToken);
    return data;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useSession() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: 60_000, retry: false });
}

/** Another person's data must not outlive their session: drop every cached answer but the session. */
function forgetEverythingBut(queryClient: QueryClient) {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (credentials: { email: string; password: string }) =>
      (await request<Session>('/auth/login', { method: 'POST', body: credentials })).data,
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      forgetEverythingBut(queryClient);
      queryClient.setQueryData(SESSION_KEY, session);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      await request<null>('/auth/logout', { method: 'POST' });
    },
    onSettled: () => {
      setCsrfToken(null);
      forgetEverythingBut(queryClient);
      queryClient.setQueryData(SESSION_KEY, null);
    },
  });
}
