import fc from 'fast-check';
import type { CaseKind, FuzzCase, RequestParts } from './fuzz-cases.js';
import { boundaryValues, branchesOf, wrongTypeValues } from './json-schema-values.js';
import type { KnownValuePools } from './known-values.js';
import {
  BAD_IDS,
  deeplyNested,
  HAND_MADE_CURSORS,
  NESTING_DEPTHS,
  ODD_BODIES,
  ODD_HEADER_VALUES,
  ODD_STRINGS,
} from './odd-inputs.js';
import type { FieldSlot, Location, Operation } from './operations.js';

/** A case being made; a mutation that stands in for another (no required field to drop) names its own kind. */
type Draft = Omit<FuzzCase, 'kind' | 'caller' | 'callerPick'> & { kind?: CaseKind };
type Mutation = (draft: Draft) => Draft;

export const fieldName = (slot: Pick<FieldSlot, 'location' | 'path'>): string =>
  slot.path.reduce<string>(
    (name, key) => (typeof key === 'number' ? `${name}[${key}]` : `${name}.${key}`),
    slot.location,
  );

function setAt(
  parts: RequestParts,
  location: Location,
  path: Array<string | number>,
  value: unknown,
  remove = false,
): RequestParts {
  const copy = structuredClone(parts) as Record<Location, unknown>;
  if (path.length === 0) {
    copy[location] = value;
    return copy as unknown as RequestParts;
  }
  copy[location] ??= typeof path[0] === 'number' ? [] : {};
  let node = copy[location] as Record<string | number, unknown>;
  path.forEach((key, index) => {
    if (index === path.length - 1) {
      if (remove) delete node[key];
      // defineProperty: `__proto__` must become a key of the body, not the object's prototype.
      else Object.defineProperty(node, key, { value, enumerable: true, writable: true, configurable: true });
      return;
    }
    const next = node[key];
    if (next === null || typeof next !== 'object') node[key] = typeof path[index + 1] === 'number' ? [] : {};
    node = node[key] as Record<string | number, unknown>;
  });
  return copy as unknown as RequestParts;
}

const isType = (slot: FieldSlot, type: string) =>
  branchesOf(slot.schema).some((branch) => branch.type === type);

function setField(
  slots: FieldSlot[],
  values: (slot: FieldSlot) => readonly unknown[],
): fc.Arbitrary<Mutation> {
  const usable = slots.filter((slot) => values(slot).length > 0);
  if (usable.length === 0) return fc.constant((draft) => draft);
  return fc
    .constantFrom(...usable)
    .chain((slot) => fc.constantFrom(...values(slot)).map((value) => ({ slot, value })))
    .map(({ slot, value }) => (draft: Draft) => ({
      ...draft,
      parts: setAt(draft.parts, slot.location, slot.path, value),
      target: fieldName(slot),
    }));
}

const EXTRA_KEYS = [
  'extra',
  'id',
  'version',
  'createdAt',
  'ownerId',
  'role',
  '__proto__',
  'constructor',
  'a'.repeat(300),
  '\u0000',
  '\uD800',
];
const ODD_QUERIES = [
  'limit=1&limit=2',
  'cursor=a&cursor=b',
  'limit[]=1',
  'limit[a]=1',
  '=x',
  '&&&',
  'limit',
  '%ZZ=1',
  'limit=%00',
  'limit=%20',
  'limit=1e2',
  'limit=0x10',
  'limit=Infinity',
  'limit=-0',
  'q=%C0%AF',
  `x=${'y'.repeat(10_000)}`,
  'a=1&'.repeat(500),
];

export function mutationFor(
  kind: CaseKind,
  operation: Operation,
  pools: KnownValuePools,
): fc.Arbitrary<Mutation> {
  const { slots } = operation;
  switch (kind) {
    case 'valid':
      return fc.constant((draft) => draft);
    case 'boundary':
      return setField(slots, (slot) => boundaryValues(slot.schema));
    case 'wrong-type':
      return setField(slots, (slot) =>
        slot.location === 'body' ? wrongTypeValues(slot.schema) : ['', 'true', '[]', '{}'],
      );
    case 'missing-required': {
      const required = slots.filter((slot) => slot.required && slot.location !== 'params');
      if (required.length === 0)
        return mutationFor('extra-property', operation, pools).map((mutate) => (draft: Draft) => ({
          ...mutate(draft),
          kind: 'extra-property' as const,
        }));
      return fc.constantFrom(...required).map((slot) => (draft: Draft) => ({
        ...draft,
        parts: setAt(draft.parts, slot.location, slot.path, undefined, true),
        target: fieldName(slot),
      }));
    }
    case 'extra-property':
      return fc
        .record({
          key: fc.constantFrom(...EXTRA_KEYS),
          value: fc.constantFrom<unknown>('x', 1, null, { admin: true }),
          where: fc.constantFrom<Location>('body', 'query'),
        })
        .map(({ key, value, where }) => (draft: Draft) => {
          const location = where === 'body' && operation.parts.body ? 'body' : 'query';
          return {
            ...draft,
            parts: setAt(draft.parts, location, [key], value),
            target: `${location}.${key}`,
          };
        });
    case 'odd-text':
      return setField(
        slots.filter((slot) => isType(slot, 'string')),
        (slot) => (slot.location === 'headers' ? ODD_HEADER_VALUES : ODD_STRINGS),
      );
    case 'bad-id': {
      const ids = pools.allIds();
      const params = slots.filter((slot) => slot.location === 'params');
      const idFields = slots.filter((slot) => /Ids?$/.test(String(slot.path.at(-1))));
      return fc
        .record({
          slot:
            params.length + idFields.length > 0
              ? fc.constantFrom(...params, ...idFields)
              : fc.constant(undefined),
          bad: fc.oneof(
            fc.constantFrom(...BAD_IDS),
            fc.constantFrom(...ids, 'x').map((text): { text?: string; raw?: string } => ({ text })),
          ),
        })
        .map(({ slot, bad }) => (draft: Draft) => {
          if (!slot) return draft;
          const name = fieldName(slot);
          if (slot.location === 'params' && bad.raw !== undefined)
            return {
              ...draft,
              rawParams: { ...draft.rawParams, [String(slot.path[0])]: bad.raw },
              target: name,
            };
          return {
            ...draft,
            parts: setAt(draft.parts, slot.location, slot.path, bad.text ?? bad.raw),
            target: name,
          };
        });
    }
    case 'hand-made-cursor':
      return fc
        .constantFrom(...HAND_MADE_CURSORS, ...pools.values('cursor'))
        .map((cursor) => (draft: Draft) => ({
          ...draft,
          parts: setAt(draft.parts, 'query', ['cursor'], cursor),
          target: 'query.cursor',
        }));
    case 'deep-nesting':
      return fc
        .record({
          depth: fc.constantFrom(...NESTING_DEPTHS),
          shape: fc.constantFrom('object' as const, 'array' as const),
        })
        .map(({ depth, shape }) => (draft: Draft) => {
          const slot = slots.find(
            (candidate) => candidate.location === 'body' && candidate.path.length === 1,
          );
          const marker = '"__deep__"';
          const body = slot ? setAt(draft.parts, 'body', slot.path, '__deep__').body : { deep: '__deep__' };
          const payload = JSON.stringify(body).replace(marker, deeplyNested(depth, shape));
          return {
            ...draft,
            rawBody: { payload, contentType: 'application/json' },
            target: slot ? fieldName(slot) : 'body.deep',
          };
        });
    case 'odd-body':
      return fc.constantFrom(...ODD_BODIES).map((rawBody) => (draft: Draft) => ({ ...draft, rawBody }));
    case 'odd-query':
      return fc.constantFrom(...ODD_QUERIES).map((rawQuery) => (draft: Draft) => ({ ...draft, rawQuery }));
  }
}
