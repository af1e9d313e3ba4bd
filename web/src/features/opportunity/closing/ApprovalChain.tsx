import { Badge, Group, List, Text } from '@mantine/core';
import { formatDateTime } from '../../../shared/format';

export interface ChainStep {
  key: string;
  name: string;
  appliesBecause: string;
}
export interface ChainDecision {
  stepKey: string;
  stepIndex: number;
  decision: string;
  decidedBy: string;
  decidedAt: string;
  comment: string | null;
}
export interface ChainPending extends ChainStep {
  index: number;
  waiting: boolean;
  approvers: { id: string; name: string }[];
}

interface Props {
  /** The version's chain once submitted; null while a draft (then `pending` is what submission would ask). */
  chain: ChainStep[] | null;
  decisions: ChainDecision[];
  pending: ChainPending[];
  nameOf: (userId: string) => string;
}

/** The version's approval steps in order: who approved and when, the step waiting and who may decide it, the rest. */
export function ApprovalChain({ chain, decisions, pending, nameOf }: Props) {
  const steps: ChainStep[] = chain ?? pending;
  if (steps.length === 0) return null;
  return (
    <List
      spacing={4}
      size="sm"
      listStyleType="decimal"
      data-testid="approval-chain"
      aria-label="Approval steps"
    >
      {steps.map((step, index) => {
        const decision = decisions.find((candidate) => candidate.stepIndex === index);
        const open = pending.find((candidate) => candidate.index === index);
        return (
          <List.Item key={step.key} data-step={step.key}>
            <Group gap={6} wrap="wrap">
              <Text size="sm" fw={600}>
                {step.name}
              </Text>
              {decision ? (
                <Badge size="xs" color={decision.decision === 'approved' ? 'green' : 'red'}>
                  {decision.decision}
                </Badge>
              ) : open?.waiting ? (
                <Badge size="xs" color="blue">
                  waiting
                </Badge>
              ) : (
                <Badge size="xs" color="gray" variant="light">
                  {chain ? 'later' : 'on submission'}
                </Badge>
              )}
              <Text size="xs" c="dimmed">
                {step.appliesBecause}
              </Text>
            </Group>
            {decision && (
              <Text size="xs">
                {nameOf(decision.decidedBy)}, {formatDateTime(decision.decidedAt)}
                {decision.comment && ` — “${decision.comment}”`}
              </Text>
            )}
            {!decision && open && (
              <Text size="xs" c="dimmed">
                {open.approvers.length > 0
                  ? `May decide: ${open.approvers.map((person) => person.name).join(', ')}`
                  : 'Nobody holds this step today: ask RevOps to assign the role.'}
              </Text>
            )}
          </List.Item>
        );
      })}
    </List>
  );
}
