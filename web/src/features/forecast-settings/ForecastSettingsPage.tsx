import { Stack, Text, Title } from '@mantine/core';
import { ForecastViews } from '../../shared/ForecastViews';
import { WhoMay } from '../../shared/permission';
import { usePlaybook } from '../../shared/playbook';
import { LoadingState } from '../../shared/states';
import { useUsers } from '../../shared/users';
import { useSession } from '../auth';
import { fiscalYearsAround } from './fiscal-calendar';
import { QuotaGrid } from './QuotaGrid';
import { QuotaImport } from './QuotaImport';
import { RatesSection } from './RatesSection';

/** RevOps and VP Finance: the rates the forecast converts with, and the owners' quotas (edited or imported). */
export function ForecastSettingsPage() {
  const permissions = useSession().data?.permissions;
  const playbook = usePlaybook().data;
  // The playbook's calendar and currency, or the server's defaults (a calendar year, USD).
  const settings = playbook && (playbook.forecast ?? { fiscalYearStartMonth: 1, companyCurrency: 'USD' });
  const permission = permissions?.manageForecastSettings;
  const users = useUsers();
  const fiscalStartMonth = settings?.fiscalYearStartMonth ?? 1;
  const thisYear = fiscalYearsAround(new Date(), fiscalStartMonth, 0, 0)[0];
  const exampleEmail =
    users.data?.find((user) => user.role === 'ae' && user.active)?.email ?? 'ae@example.com';
  return (
    <Stack gap="md" maw={1100}>
      <Title order={1} size="h2">
        Forecast settings
      </Title>
      <ForecastViews permissions={permissions} />
      {!permission || !settings ? (
        <LoadingState label="Loading…" />
      ) : !permission.allowed ? (
        <Stack gap={4}>
          <Text size="sm">
            The rates the forecast converts deals with, and the owners' quotas, are kept by RevOps and
            Finance.
          </Text>
          <WhoMay permission={permission} what="Keeping the rates and quotas" />
        </Stack>
      ) : (
        <>
          <Text size="sm" c="dimmed">
            What the forecast is measured with: deals in other currencies are converted into{' '}
            {settings.companyCurrency} with the rates below, and each owner's figures are set against their
            quota.
          </Text>
          <RatesSection />
          <QuotaGrid fiscalStartMonth={fiscalStartMonth} />
          <QuotaImport
            exampleEmail={exampleEmail}
            exampleQuarterStart={thisYear?.quarters[0]?.start ?? '2026-01-01'}
            exampleYearStart={thisYear?.start ?? '2026-01-01'}
            companyCurrency={settings.companyCurrency}
          />
        </>
      )}
    </Stack>
  );
}
