import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { paths } from '../../../shared/paths';
import type { Meaning } from './evidence-words';

/** A fact of the step: its label and value; a null value is left out. */
export type Fact = [label: string, value: string | null | undefined];

/**
 * One of Finance's closing steps on the deal (the signature, the AWS private offer): its status and what it
 * means, the facts on file (the evidence), and the step's controls.
 */
export function ClosingStepCard({
  title,
  testId,
  meaning,
  facts,
  children,
}: {
  title: string;
  testId: string;
  meaning: Meaning;
  facts: Fact[];
  children: ReactNode;
}) {
  const shown = facts.filter((fact): fact is [string, string] => Boolean(fact[1]));
  return (
    <Paper withBorder p="md" radius="md" data-testid={testId}>
      <Stack gap="xs">
        <Group gap="xs">
          <Title order={3} size="h5">
            {title}
          </Title>
          <Badge color={meaning.color} variant="light" data-testid="step-status">
            {meaning.label}
          </Badge>
        </Group>
        <Text size="sm" data-testid="step-meaning">
          {meaning.text}
        </Text>
        {shown.length > 0 && (
          <Stack gap={2} component="dl" m={0} data-testid="step-evidence">
            {shown.map(([label, value]) => (
              <Group key={label} gap={6} wrap="nowrap" align="baseline">
                <Text component="dt" size="xs" c="dimmed" w={150} style={{ flexShrink: 0 }}>
                  {label}
                </Text>
                <Text
                  component="dd"
                  size="xs"
                  m={0}
                  ff={/id|envelope/i.test(label) ? 'monospace' : undefined}
                >
                  {value}
                </Text>
              </Group>
            ))}
          </Stack>
        )}
        {children}
      </Stack>
    </Paper>
  );
}

/** What the account still lacks for a step, and the link to where it is recorded. */
export function MissingOnAccount({
  missing,
  accountId,
  accountName,
}: {
  missing: string[];
  accountId: string;
  accountName: string;
}) {
  if (missing.length === 0) return null;
  return (
    <Text size="xs" c="orange.9" data-testid="missing-party">
      {accountName} has no {missing.join(' and no ')} yet: record {missing.length > 1 ? 'them' : 'it'} on{' '}
      <Anchor component={Link} href={paths.account(accountId)} size="xs" underline="always">
        the account
      </Anchor>
      .
    </Text>
  );
}
