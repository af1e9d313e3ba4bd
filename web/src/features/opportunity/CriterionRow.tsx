import { Anchor, Badge, Box, Button, Checkbox, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'wouter';
import type { Attestation, Criterion, Permission, RequirementCheck } from '../../api';
import { kindLabel, useActivities } from '../../shared/activities';
import { formatDateTime } from '../../shared/format';
import { WhoMay } from '../../shared/permission';
import { frameworkOf } from '../../shared/words';
import { AttestForm } from './AttestForm';
import { EvidenceLink } from './EvidenceLink';
import { derivedFix, logLabel } from './focus';
import { WriteError } from './WriteError';
import { useFocusHref, useWorkspace, useWrite } from './workspace-context';

export interface CriterionRowProps {
  criterion: Criterion;
  /** The gate's verdict when this criterion is part of the next move; absent for other stages. */
  check?: RequirementCheck;
  attestation?: Attestation;
  /** Why a derived criterion without a verdict is not shown as met or not. */
  pendingNote: string;
  /** Checked when the deal entered its stage: without a verdict now, no link to meet it again. */
  passed: boolean;
  /** For an attested criterion: whether the caller may tick it (and who may otherwise). */
  permission?: Permission;
  /** Say who may attest in the row (false when the checklist says it once for every row). */
  whoMayInRow: boolean;
  focused: boolean;
}

/** Derived criteria met elsewhere in the workspace: a link to the place where they are met. */
function FixLinks({
  criterion,
  check,
  passed,
}: {
  criterion: Criterion;
  check: RequirementCheck | undefined;
  passed: boolean;
}) {
  const { view, playbook } = useWorkspace();
  const hrefOf = useFocusHref();
  const { source } = criterion;
  if (source.kind !== 'derived') return null;
  if (source.rule === 'activity_logged') {
    // Derived from logged calls, meetings or emails: the one that meets it, or a way to log one.
    if (check?.activityId) return <MetBy activityId={check.activityId} />;
    if (!check || check.met || !check.applicable) return null;
    if (!view.permissions.qualify.allowed)
      return <WhoMay permission={view.permissions.qualify} what="Log it" />;
    return (
      <Anchor
        component={Link}
        href={hrefOf(`log:${source.kinds[0] ?? 'call'}`)}
        size="xs"
        data-requires="qualify"
        data-testid="log-for-criterion"
      >
        {logLabel(source.kinds)} ↓
      </Anchor>
    );
  }
  if (check?.met === true || (!check && passed)) return null;
  const fix = derivedFix(criterion, frameworkOf(playbook));
  if (!fix) return null;
  return (
    <Anchor component={Link} href={hrefOf(fix.focus)} size="xs">
      {fix.label} ↓
    </Anchor>
  );
}

/** The logged activity that meets a criterion, named when the timeline has read it, linked in Activity. */
function MetBy({ activityId }: { activityId: string }) {
  const { view } = useWorkspace();
  const hrefOf = useFocusHref();
  const list = useActivities({ opportunityId: view.opportunity.id });
  const activity = list.data?.pages.flatMap((page) => page.items).find((item) => item.id === activityId);
  return (
    <Anchor component={Link} href={hrefOf(`activity:${activityId}`)} size="xs" data-testid="met-by">
      {activity
        ? `Met by the ${kindLabel(activity.kind).toLowerCase()} of ${formatDateTime(activity.occurredAt)}: “${activity.summary.length > 60 ? `${activity.summary.slice(0, 60)}…` : activity.summary}” →`
        : 'Met by a logged activity: open it in Activity →'}
    </Anchor>
  );
}

function Status({ met, applicable }: { met: boolean | undefined; applicable: boolean }) {
  if (!applicable)
    return (
      <Badge size="xs" color="gray" variant="light">
        not applicable
      </Badge>
    );
  if (met === undefined) return null;
  return met ? (
    <Badge size="xs" color="green" variant="light">
      met
    </Badge>
  ) : (
    <Badge size="xs" color="orange" variant="light">
      not met
    </Badge>
  );
}

/** One entrance/exit criterion: attested ones are ticked with a note and evidence, derived ones say why. */
export function CriterionRow(props: CriterionRowProps) {
  const { criterion, check, attestation, focused, permission } = props;
  const { busy, nameOf } = useWorkspace();
  const write = useWrite();
  const attested = criterion.source.kind === 'attested';
  const mayAttest = attested && permission?.allowed === true;
  const [editing, setEditing] = useState(focused && mayAttest && !attestation);
  const applicable = check?.applicable ?? true;
  const met = check?.met ?? (attested ? attestation !== undefined : undefined);
  const subpath = `/criteria/${encodeURIComponent(criterion.key)}`;
  const save = (note: string | null, evidenceUrl: string | null) =>
    write.mutate(
      { method: 'PUT', subpath, body: { note, evidenceUrl } },
      { onSuccess: () => setEditing(false) },
    );
  const withdraw = () => write.mutate({ method: 'DELETE', subpath });

  return (
    <Box
      id={`criterion-${criterion.key}`}
      data-testid="criterion"
      data-criterion={criterion.key}
      p={6}
      style={{ borderRadius: 6, outline: focused ? '2px solid var(--mantine-color-orange-5)' : undefined }}
    >
      <Group gap="xs" wrap="nowrap" align="flex-start">
        {mayAttest ? (
          <Checkbox
            mt={2}
            checked={attestation !== undefined}
            disabled={busy || !applicable}
            aria-label={`Attest: ${criterion.text}`}
            data-requires="attest"
            data-criterion={criterion.key}
            onChange={(event) => {
              if (event.currentTarget.checked) setEditing(true);
              else withdraw();
            }}
          />
        ) : (
          <Text mt={0} size="sm" aria-hidden w={20} ta="center">
            {met === undefined ? '·' : met ? '✓' : '✗'}
          </Text>
        )}
        <Box style={{ flex: 1 }}>
          <Group gap={6}>
            <Text size="sm">{criterion.text}</Text>
            <Status met={met} applicable={applicable} />
            <Badge size="xs" variant="outline" color="gray">
              {attested ? 'attested' : 'derived'}
            </Badge>
          </Group>
          {criterion.help && (
            <Text size="xs" c="dimmed">
              {criterion.help}
            </Text>
          )}
          {!attested && <Text size="xs">{check?.message ?? props.pendingNote}</Text>}
          <FixLinks criterion={criterion} check={check} passed={props.passed} />
          {attestation && (
            <Text size="xs" c="dimmed">
              Attested by {nameOf(attestation.attestedBy)} on {formatDateTime(attestation.attestedAt)}
              {attestation.note && ` — “${attestation.note}”`}
              <EvidenceLink href={attestation.evidenceUrl} />
            </Text>
          )}
          {mayAttest && !attestation && !editing && applicable && (
            <Button
              variant="subtle"
              size="compact-xs"
              onClick={() => setEditing(true)}
              disabled={busy}
              data-requires="attest"
              data-criterion={criterion.key}
            >
              Attest…
            </Button>
          )}
          {attested && !mayAttest && permission && props.whoMayInRow && (
            <WhoMay permission={permission} what="Attest" />
          )}
          {editing && !attestation && mayAttest && (
            <AttestForm
              criterion={criterion.key}
              evidenceRequired={criterion.source.kind === 'attested' && criterion.source.evidenceRequired}
              busy={busy}
              error={write.error}
              onCancel={() => {
                setEditing(false);
                write.reset();
              }}
              onSave={save}
            />
          )}
          {!editing && <WriteError error={write.error} />}
        </Box>
      </Group>
    </Box>
  );
}
