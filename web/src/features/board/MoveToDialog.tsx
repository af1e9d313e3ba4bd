import { Button, Modal, SimpleGrid, Text } from '@mantine/core';
import type { BoardCard, Pipeline } from '../../api';

interface Props {
  card: BoardCard;
  pipeline: Pipeline;
  onPick: (to: string) => void;
  onClose: () => void;
}

/** The keyboard's way to move a card: pick the stage; the same gate (and reason dialog) as a drag. */
export function MoveToDialog({ card, pipeline, onPick, onClose }: Props) {
  return (
    <Modal opened onClose={onClose} title={`Move ${card.name}`} centered>
      <Text size="sm" mb="sm">
        Choose the stage. The gate checks the move as it does for a drag.
      </Text>
      <SimpleGrid cols={2} spacing="xs">
        {pipeline.stages.map((stage) => (
          <Button
            key={stage.key}
            variant={stage.key === card.stage ? 'filled' : 'default'}
            disabled={stage.key === card.stage}
            onClick={() => onPick(stage.key)}
          >
            {stage.name}
          </Button>
        ))}
      </SimpleGrid>
    </Modal>
  );
}
