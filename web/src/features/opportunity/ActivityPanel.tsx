import { Box, Paper, Stack, Text, Title } from '@mantine/core';
import { useLocation } from 'wouter';
import type { ActivityKind } from '../../api';
import { ActivityTimeline, LogActivityForm } from '../../shared/activities';
import { paths } from '../../shared/paths';
import { useWorkspace } from './workspace-context';

const KIND_WORDS: Record<ActivityKind, string> = {
  call: 'call',
  meeting: 'meeting',
  email: 'email',
  note: 'note',
};

/**
 * The deal's calls, meetings, emails and notes (the criteria about conversations are derived from them). A
 * checklist link (`?focus=log:call`) opens the log form at the top; `?focus=activity:id` outlines the activity
 * a criterion points at.
 */
export function ActivityPanel() {
  const { view, contacts, focus } = useWorkspace();
  const [, navigate] = useLocation();
  const target = { opportunityId: view.opportunity.id };
  const logKind = focus?.startsWith('log:') ? (focus.slice(4) as ActivityKind) : null;
  const pointed = focus?.startsWith('activity:') ? focus.slice(9) : null;
  // Once logged (or given up), the address leaves the form behind, on this tab: the timeline shows the new one.
  const close = () => navigate(`${paths.opportunity(view.opportunity.id)}?tab=activity`, { replace: true });

  return (
    <Stack gap="md">
      {logKind && view.permissions.qualify.allowed && (
        <Paper withBorder p="md" radius="md" id="log-activity" data-testid="log-activity">
          <Title order={2} size="h3" mb={4}>
            Log a {KIND_WORDS[logKind] ?? 'call'}
          </Title>
          <Text size="xs" c="dimmed" mb="xs">
            The checklist's criteria about conversations are met by what is logged here.
          </Text>
          <LogActivityForm
            target={target}
            contacts={contacts}
            initialKind={logKind}
            onDone={close}
            onCancel={close}
          />
        </Paper>
      )}
      <Paper withBorder p="md" radius="md">
        {pointed && (
          // The activity a checklist criterion points at, outlined like every other focused item.
          <style>{`[data-activity-id="${CSS.escape(pointed)}"] { outline: 2px solid var(--mantine-color-orange-5); outline-offset: 4px; border-radius: 6px; }`}</style>
        )}
        <Box id="activity">
          <ActivityTimeline target={target} contacts={contacts} canLog={view.permissions.qualify} />
        </Box>
      </Paper>
    </Stack>
  );
}
