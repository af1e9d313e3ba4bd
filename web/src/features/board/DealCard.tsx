import { useDraggable } from '@dnd-kit/core';
import { ActionIcon, Anchor, Badge, Group, Menu, Paper, Text } from '@mantine/core';
import { memo } from 'react';
import { Link } from 'wouter';
import type { BoardCard } from '../../api';
import { daysSince, formatDate, formatMoney } from '../../shared/format';
import { paths } from '../../shared/paths';

export const CARD_HEIGHT = 112;

interface Props {
  card: BoardCard;
  /** Other stages of the pipeline, for the keyboard "Move to…" menu. */
  targets: Array<{ key: string; name: string }>;
  onMove: (card: BoardCard, to: string) => void;
  pending?: boolean;
}

/** The card's face; also drawn in the drag overlay. */
export function CardFace({ card, pending }: { card: BoardCard; pending?: boolean }) {
  const days = daysSince(card.stageEnteredAt);
  return (
    <>
      <Text size="xs" c="dimmed" truncate="end">
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
        <Text size="xs" truncate="end">
          {card.ownerName}
        </Text>
        <Group gap={4} wrap="nowrap">
          {card.type !== 'new_business' && card.type !== 'renewal' && (
            <Badge size="xs" variant="light" color="grape">
              {card.type}
            </Badge>
          )}
          <Badge size="xs" variant="light" color="gray" title="Days in this stage">
            {days} d
          </Badge>
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

function DealCardView({ card, targets, onMove, pending }: Props) {
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: card.id, data: { card } });
  return (
    <Paper
      ref={setNodeRef}
      withBorder
      p={8}
      h={CARD_HEIGHT - 8}
      radius="sm"
      shadow="xs"
      data-testid="deal-card"
      data-deal-id={card.id}
      style={{ cursor: 'grab', opacity: isDragging ? 0.35 : 1, position: 'relative', touchAction: 'none' }}
      {...listeners}
      {...attributes}
      aria-roledescription="deal card"
      aria-label={`${card.name}, ${card.accountName}`}
    >
      <CardFace card={card} {...(pending !== undefined && { pending })} />
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon
            variant="subtle"
            size="sm"
            aria-label={`Move ${card.name} to another stage`}
            style={{ position: 'absolute', top: 4, right: 4 }}
            onPointerDown={(event) => event.stopPropagation()}
            onKeyDown={(event) => event.stopPropagation()}
          >
            ⋯
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>Move to</Menu.Label>
          {targets.map((target) => (
            <Menu.Item key={target.key} onClick={() => onMove(card, target.key)}>
              {target.name}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
    </Paper>
  );
}

export const DealCard = memo(DealCardView);
