import { useDraggable } from '@dnd-kit/core';
import { ActionIcon, Anchor, Badge, Group, Paper, Text, VisuallyHidden } from '@mantine/core';
import { memo } from 'react';
import { Link } from 'wouter';
import type { BoardCard } from '../../api';
import { businessDaysLabel, businessDaysSince, formatDate, formatMoney } from '../../shared/format';
import { HealthBadge, VelocityBadge } from '../../shared/health';
import { paths } from '../../shared/paths';
import { cardTitle } from './card-title';

export const CARD_HEIGHT = 112;

const NOT_MOVABLE = 'You may not move this deal';

/** "12 bd" on the card, read out and shown on hover as "12 business days in stage". */
function DaysInStage({ since }: { since: string }) {
  const days = businessDaysSince(since);
  const label = `${businessDaysLabel(days)} in stage`;
  return (
    <Badge size="xs" tt="none" variant="light" color="gray" title={label} data-testid="days-in-stage">
      <span aria-hidden>{days} bd</span>
      <VisuallyHidden>{label}</VisuallyHidden>
    </Badge>
  );
}

/** The card's face; also drawn in the drag overlay. `typeName`: a badge for a type other than the pipeline's own. */
export function CardFace({
  card,
  pending,
  typeName,
}: {
  card: BoardCard;
  pending?: boolean;
  typeName?: string | undefined;
}) {
  return (
    <>
      <Text size="xs" c="dimmed" truncate="end" pr={card.mayMove ? 24 : 0}>
        {card.accountName}
      </Text>
      <Anchor
        component={Link}
        href={paths.opportunity(card.id)}
        size="sm"
        fw={600}
        lineClamp={1}
        draggable={false}
        title={card.name}
      >
        {cardTitle(card.name, card.accountName)}
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
          {typeName && (
            <Badge size="xs" tt="none" variant="light" color="grape">
              {typeName}
            </Badge>
          )}
          {card.healthScore !== null && card.healthBand && (
            <HealthBadge health={{ score: card.healthScore, band: card.healthBand }} />
          )}
          {card.velocityClass && card.velocityClass !== 'standard' ? (
            <VelocityBadge velocity={{ class: card.velocityClass }} />
          ) : (
            <DaysInStage since={card.stageEnteredAt} />
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
  typeName: string | undefined;
  onAskMove: (card: BoardCard) => void;
}

/** Everything but the drag wiring: memoized, so the re-renders dnd-kit causes while dragging skip it. */
const CardBody = memo(function CardBody({ card, pending, typeName, onAskMove }: BodyProps) {
  return (
    <Paper
      withBorder
      p={8}
      h={CARD_HEIGHT - 8}
      radius="sm"
      shadow="xs"
      pos="relative"
      title={card.mayMove ? undefined : NOT_MOVABLE}
    >
      <CardFace card={card} pending={pending} typeName={typeName} />
      {card.mayMove ? (
        <ActionIcon
          variant="subtle"
          size="sm"
          aria-label={`Move ${card.name} to another stage`}
          data-requires="moveStage"
          pos="absolute"
          top={4}
          right={4}
          onPointerDown={(event) => event.stopPropagation()}
          onClick={() => onAskMove(card)}
        >
          ⋯
        </ActionIcon>
      ) : (
        <VisuallyHidden data-testid="not-movable">{NOT_MOVABLE}</VisuallyHidden>
      )}
    </Paper>
  );
});

/**
 * A deal on the board; one the caller may move is draggable: grab it with the mouse (or a finger) anywhere
 * but the link and the ⋯ button. The card itself is not a control — its link and its ⋯ button are (a control
 * inside another is lost to screen readers) — so dnd-kit's attributes (role="button", tabIndex) are left
 * off: the keyboard's and the screen reader's way to move a deal is the ⋯ button, which opens the move-to
 * dialog and goes through the same gate. A deal the caller may not move has neither, and says so.
 */
export function DealCard({ card, pending, typeName, onAskMove }: BodyProps) {
  const { listeners, setNodeRef, isDragging } = useDraggable({
    id: card.id,
    data: { card },
    disabled: !card.mayMove,
  });
  return (
    <div
      ref={setNodeRef}
      data-testid="deal-card"
      data-deal-id={card.id}
      data-may-move={card.mayMove}
      style={{
        cursor: card.mayMove ? 'grab' : 'default',
        opacity: isDragging ? 0.35 : 1,
        touchAction: card.mayMove ? 'none' : 'auto',
      }}
      {...(card.mayMove ? listeners : {})}
    >
      <CardBody card={card} pending={pending} typeName={typeName} onAskMove={onAskMove} />
    </div>
  );
}
