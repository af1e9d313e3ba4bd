import { describe, expect, it } from 'vitest';
import { planFanOut, subscriptionWants } from './event-types.js';

const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 10, minute));

describe('webhook fan-out', () => {
  it('matches listed types or *', () => {
    expect(subscriptionWants(['*'], 'account.created')).toBe(true);
    expect(subscriptionWants(['account.created'], 'account.created')).toBe(true);
    expect(subscriptionWants(['account.updated', 'opportunity.created'], 'account.created')).toBe(false);
    expect(subscriptionWants([], 'account.created')).toBe(false);
  });

  it('makes one delivery per message and wanting subscription, none of the history before a subscription', () => {
    const subscriptions = [
      { id: 'all', eventTypes: ['*'] as const, createdAt: at(0) },
      { id: 'deals', eventTypes: ['opportunity.stage_changed'] as const, createdAt: at(0) },
      { id: 'late', eventTypes: ['*'] as const, createdAt: at(30) },
    ];
    const messages = [
      { outboxId: 1, topic: 'account.created', createdAt: at(10) },
      { outboxId: 2, topic: 'opportunity.stage_changed', createdAt: at(20) },
      { outboxId: 3, topic: 'account.updated', createdAt: at(30) },
    ];
    expect(planFanOut(messages, subscriptions)).toEqual([
      { outboxId: 1, subscriptionId: 'all' },
      { outboxId: 2, subscriptionId: 'all' },
      { outboxId: 2, subscriptionId: 'deals' },
      { outboxId: 3, subscriptionId: 'all' },
      { outboxId: 3, subscriptionId: 'late' },
    ]);
    expect(planFanOut(messages, [])).toEqual([]);
  });
});
