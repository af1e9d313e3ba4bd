import { Badge, Button, Group, Progress, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import type { PocBenchmark, PocPlan } from '../../../api';
import { formatMoney } from '../../../shared/format';
import { WriteError } from '../WriteError';
import { useWorkspace, useWrite } from '../workspace-context';
import { BenchmarkForm } from './BenchmarkForm';
import { pocPath } from './poc-write';
import { TcoForm } from './TcoForm';

const speedup = (benchmark: PocBenchmark) =>
  benchmark.ourLatencyMs === 0 ? '∞' : (benchmark.baselineLatencyMs / benchmark.ourLatencyMs).toFixed(1);

/** Baseline and our latency as two bars on one scale: the picture a buyer remembers. */
function LatencyBars({ benchmark }: { benchmark: PocBenchmark }) {
  const max = Math.max(benchmark.baselineLatencyMs, benchmark.ourLatencyMs, 1);
  return (
    <Stack gap={2} w={140} aria-hidden>
      <Progress size="sm" color="gray" value={(benchmark.baselineLatencyMs / max) * 100} />
      <Progress size="sm" color="indigo" value={(benchmark.ourLatencyMs / max) * 100} />
    </Stack>
  );
}

function BenchmarkRow({ benchmark, may }: { benchmark: PocBenchmark; may: boolean }) {
  const { playbook, busy } = useWorkspace();
  const write = useWrite();
  const [editing, setEditing] = useState(false);
  const slower = benchmark.ourLatencyMs > benchmark.baselineLatencyMs;
  const costlier = benchmark.ourCostMinor > benchmark.baselineCostMinor;
  if (editing)
    return (
      <Table.Tr>
        <Table.Td colSpan={6}>
          <BenchmarkForm
            initial={benchmark}
            currency={benchmark.currency}
            busy={busy}
            error={write.error}
            onCancel={() => {
              setEditing(false);
              write.reset();
            }}
            onSave={(body) =>
              write.mutate(
                { method: 'PUT', subpath: pocPath.benchmark(benchmark.id), body },
                { onSuccess: () => setEditing(false) },
              )
            }
          />
        </Table.Td>
      </Table.Tr>
    );
  return (
    <Table.Tr data-testid="poc-benchmark">
      <Table.Td>{benchmark.workload}</Table.Td>
      <Table.Td>
        {benchmark.baselineLatencyMs} → {benchmark.ourLatencyMs} ms ({speedup(benchmark)}×)
      </Table.Td>
      <Table.Td>
        <LatencyBars benchmark={benchmark} />
      </Table.Td>
      <Table.Td>
        {formatMoney(benchmark.baselineCostMinor, benchmark.currency)} →{' '}
        {formatMoney(benchmark.ourCostMinor, benchmark.currency)}
      </Table.Td>
      <Table.Td>
        {slower || costlier ? (
          <Badge size="xs" color="red" variant="light">
            {[slower && 'slower', costlier && 'costlier'].filter(Boolean).join(', ')}
          </Badge>
        ) : (
          <Badge size="xs" color="green" variant="light">
            {playbook.company} ahead
          </Badge>
        )}
      </Table.Td>
      {may && (
        <Table.Td>
          <Group gap={2} wrap="nowrap">
            <Button
              size="compact-xs"
              variant="subtle"
              disabled={busy}
              onClick={() => setEditing(true)}
              aria-label={`Edit benchmark ${benchmark.workload}`}
              data-requires="qualify"
            >
              Edit
            </Button>
            <Button
              size="compact-xs"
              variant="subtle"
              color="red"
              disabled={busy}
              aria-label={`Remove benchmark ${benchmark.workload}`}
              onClick={() => write.mutate({ method: 'DELETE', subpath: pocPath.benchmark(benchmark.id) })}
              data-requires="qualify"
            >
              Remove
            </Button>
          </Group>
          <WriteError error={write.error} />
        </Table.Td>
      )}
    </Table.Tr>
  );
}

/** Benchmark results (the customer's baseline vs our latency and cost) and the annual cost / TCO comparison. */
export function PocBenchmarks({ plan }: { plan: PocPlan }) {
  const { playbook, view, busy } = useWorkspace();
  const add = useWrite();
  const may = view.permissions.qualify.allowed;
  const currency = view.opportunity.currency;
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Title order={3} size="h5">
          Benchmarks
        </Title>
        {plan.benchmarks.length === 0 ? (
          <Text size="xs" c="dimmed">
            No benchmark yet. Add the customer's queries or workloads as measured on their platform and on{' '}
            {playbook.company}; a benchmark where {playbook.company} is slower or costlier marks the POC as
            challenged.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing={4} fz="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Workload</Table.Th>
                  <Table.Th>Latency (speed-up)</Table.Th>
                  <Table.Th>
                    <Group gap={4}>
                      <Text size="xs" c="gray">
                        ■ baseline
                      </Text>
                      <Text size="xs" c="indigo">
                        ■ {playbook.company}
                      </Text>
                    </Group>
                  </Table.Th>
                  <Table.Th>Cost</Table.Th>
                  <Table.Th>Verdict</Table.Th>
                  {may && (
                    <Table.Th>
                      <VisuallyHidden>Change</VisuallyHidden>
                    </Table.Th>
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {plan.benchmarks.map((benchmark) => (
                  <BenchmarkRow key={benchmark.id} benchmark={benchmark} may={may} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {may && (
          <BenchmarkForm
            key={plan.benchmarks.length}
            currency={currency}
            busy={busy}
            error={add.error}
            onSave={(body) => add.mutate({ method: 'POST', subpath: pocPath.benchmarks, body })}
          />
        )}
      </Stack>
      <TcoForm key={plan.updatedAt} tco={plan.tco} />
    </Stack>
  );
}
