import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ApiError } from '../api';
import { AuthGate } from '../features/auth';
import { AppRoutes } from './AppRoutes';
import { Layout } from './Layout';
import { cssVariablesResolver, theme } from './theme';

/** Client errors (4xx) are answers, not glitches: only network and server errors are retried. */
const retry = (failures: number, error: unknown) =>
  failures < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500);

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry, refetchOnWindowFocus: false, staleTime: 15_000 } },
});

export function App() {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <QueryClientProvider client={queryClient}>
        <AuthGate>
          <Layout>
            <AppRoutes />
          </Layout>
        </AuthGate>
      </QueryClientProvider>
    </MantineProvider>
  );
}
