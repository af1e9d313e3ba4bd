import { useDraggable } from '@dnd-kit/core';
import { ActionIcon, Anchor, Badge, Group, Paper, Text } from '@mantine/core';
import { memo } from 'react';
import { Link } from 'wouter';
import type { BoardCard, Inspection } from '../../api';
import { daysSince, formatDate, formatMoney } from '../../shared/format';
import { HealthBadge, VelocityBadge } from '../../shared/health';
import { paths } from '../../shared/paths';

export const CARD_HEIGHT = 112;

type Risk = Pick<Inspection, 'health' | 'velocity'>;

/** The card's face; also drawn in the drag overlay. */
export function CardFace({
  card,
  pending,
  risk,
}: {
  card: BoardCard;
  pending?: boolean;
  risk?: Risk | undefined;
}) {
  const days = daysSince(card.stageEnteredAt);
  return (
    <>
      <Text size="xs" c="dimmed" truncate="end" pr={24}>
        {card.accountName}
      </Text>
      <Anchor
        component={Link}
        href={paths.opportunity(card.id)}
        size="sm"
        fw={600}
        lineClamp={1}
        draggable={false}
      >
        {card.name}
      </Anchor>
      <Group gap={6} mt={4} wrap="nowrap">
        <Text size="sm" fw={500}>
          {formatMoney(card.amountMinor, card.currency)}
        </Text>
        <Text size="xs" c="dimmed">
          closes {formatDate(card.closeDate)}
        </Text>
      </Group>
      <Group gap={6} mt={4} wrap="nowrap" justify="space-between">
        <Text size="xs" truncate="end" style={{ flex: 1, minWidth: 0 }}>
          {card.ownerName}
        </Text>
        <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
          {card.type !== 'new_business' && card.type !== 'renewal' && (
            <Badge size="xs" tt="none" variant="light" color="grape">
              {card.type}
            </Badge>
          )}
          {risk && <HealthBadge health={risk.health} />}
          {risk && risk.velocity.class !== 'standard' ? (
            <VelocityBadge velocity={risk.velocity} />
          ) : (
            <Badge size="xs" variant="light" color="gray" title="Days in this stage">
              {days} d
            </Badge>
          )}
          {pending && (
            <Badge size="xs" color="blue">
              moving…
            </Badge>
          )}
        </Group>
      </Group>
    </>
  );
}

interface BodyProps {
  card: BoardCard;
  pending: boolean;
  risk: Risk | undefined;
  onAskMove: (card: BoardCard) => void;
}

/** Everything but the drag wiring: memoized, so the re-renders dnd-kit causes while dragging skip it. */
const CardBody = memo(function CardBody({ card, pending, risk, onAskMove }: BodyProps) {
  return (
    <Paper withBorder p={8} h={CARD_HEIGHT - 8} radius="sm" shadow="xs" pos="relative">
      <CardFace card={card} pending={pending} risk={risk} />
      <ActionIcon
        variant="subtle"
        size="sm"
        aria-label={`Move ${card.name} to another stage`}
        pos="absolute"
        top={4}
        right={4}
        onPointerDown={(event) => event.stopPropagation()}
        onClick={() => onAskMove(card)}
      >
        ⋯
      </ActionIcon>
    </Paper>
  );
});

/**
 * A draggable deal: grab it with the mouse (or a finger) anywhere but the link and the ⋯ button. The card
 * itself is not a control — its link and its ⋯ button are (a control inside another is lost to screen
 * readers) — so dnd-kit's attributes (role="button", tabIndex) are left off: the keyboard's and the screen
 * reader's way to move a deal is the ⋯ button, which opens the move-to dialog and goes through the same gate.
 */
export function DealCard({ card, pending, risk, onAskMove }: BodyProps) {
  const { listeners, setNodeRef, isDragging } = useDraggable({ id: card.id, data: { card } });
  return (
    <div
      ref={setNodeRef}
      data-testid="deal-card"
      data-deal-id={card.id}
      style={{ cursor: 'grab', opacity: isDragging ? 0.35 : 1, touchAction: 'none' }}
      {...listeners}
    >
      <CardBody card={card} pending={pending} risk={risk} onAskMove={onAskMove} />
    </div>
  );
}
