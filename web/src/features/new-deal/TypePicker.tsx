import { Anchor, Radio, Stack, Text } from '@mantine/core';
import { Link } from 'wouter';
import { paths } from '../../shared/paths';
import { usePlaybook } from '../../shared/playbook';
import { type TypeChoice, typeHelp } from './deal-form';

interface Props {
  accountId: string | null;
  /** The account's types (only the pipeline's, when the form is for one); null while the account loads. */
  choices: TypeChoice[] | null;
  pipelineName: string | null;
  value: string | null;
  onChange: (type: string) => void;
  error?: string | undefined;
}

/** The deal type: the ones that suit the account can be chosen; the others are shown, disabled, with why. */
export function TypePicker({ accountId, choices, pipelineName, value, onChange, error }: Props) {
  const none = choices !== null && !choices.some((choice) => choice.fits);
  const playbook = usePlaybook().data;
  return (
    <Radio.Group
      label="Type"
      required
      description={typeHelp(playbook)}
      value={value}
      onChange={onChange}
      error={error}
      data-testid="type-picker"
    >
      <Stack gap="xs" mt="xs">
        {accountId === null && (
          <Text size="sm" c="dimmed" data-testid="type-empty">
            Choose the account first: the types it may have are listed here.
          </Text>
        )}
        {accountId !== null && choices === null && (
          <Text size="sm" c="dimmed">
            Reading the account’s customer class…
          </Text>
        )}
        {choices?.map((choice) => (
          <Radio
            key={choice.key}
            value={choice.key}
            label={choice.name}
            description={choice.message}
            disabled={!choice.fits}
            data-testid="type-choice"
            data-type={choice.key}
            data-fits={choice.fits}
          />
        ))}
        {choices !== null && accountId !== null && pipelineName && (
          <Text size="sm" role={none ? 'status' : undefined}>
            {none ? `No type of the ${pipelineName} pipeline suits this account today. ` : ''}
            {/* With one pipeline there are no other pipelines' types to show. */}
            {(playbook?.pipelines.length ?? 0) > 1 && (
              <Anchor component={Link} href={paths.newDeal({ accountId })} underline="always">
                Show the types of every pipeline
              </Anchor>
            )}
          </Text>
        )}
        {none && !pipelineName && (
          <Text size="sm" role="status">
            No type suits this account today.
          </Text>
        )}
      </Stack>
    </Radio.Group>
  );
}
