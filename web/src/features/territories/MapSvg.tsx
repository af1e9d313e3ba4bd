import { type KeyboardEvent, useRef, useState } from 'react';
import type { MapSheet } from './map-atlas';
import { type GeographyPaint, type HatchPattern, UNNAMED_FILL } from './map-paint';

export interface FocusedGeography {
  name: string;
  lines: string[];
}

const NOTHING: GeographyPaint = { kind: 'unnamed', fill: UNNAMED_FILL, lines: ['not in the model'] };

/** A sheet's own copy of a pattern id (two sheets on one page: no duplicate ids). */
const own = (sheetId: string, fill: string) => fill.replace(/^url\(#(.+)\)$/, `url(#${sheetId}-$1)`);

function Hatches({ sheetId, patterns }: { sheetId: string; patterns: HatchPattern[] }) {
  return (
    <defs aria-hidden>
      {patterns.map((pattern) => (
        <pattern
          key={pattern.id}
          id={`${sheetId}-${pattern.id}`}
          width={5 * pattern.colours.length}
          height={5 * pattern.colours.length}
          patternUnits="userSpaceOnUse"
          patternTransform="rotate(45)"
        >
          {pattern.colours.map((colour, index) => (
            <rect
              key={colour}
              x={index * 5}
              y={0}
              width={5}
              height={5 * pattern.colours.length}
              fill={colour}
            />
          ))}
        </pattern>
      ))}
    </defs>
  );
}

/**
 * One sheet of the map as SVG paths, each a geography with its accessible name (what hover shows): a listbox
 * of options, one tab stop, the arrow keys move between geographies by name; hover and focus tell `onShow`.
 */
export function MapSvg({
  sheet,
  sheetId,
  label,
  paintOf,
  patterns,
  onShow,
}: {
  sheet: MapSheet;
  sheetId: string;
  label: string;
  paintOf: (code: string | null) => GeographyPaint | undefined;
  patterns: HatchPattern[];
  onShow: (geography: FocusedGeography | null) => void;
}) {
  const [current, setCurrent] = useState(0);
  const [highlighted, setHighlighted] = useState<number | null>(null);
  const paths = useRef<Array<SVGPathElement | null>>([]);
  // Keyboard order: by name (the drawing order is the atlas's).
  const order = sheet.shapes
    .map((shape, index) => ({ name: shape.name, index }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en'))
    .map((entry) => entry.index);

  const show = (index: number) => {
    const shape = sheet.shapes[index];
    if (!shape) return;
    setHighlighted(index);
    onShow({ name: shape.name, lines: (paintOf(shape.code) ?? NOTHING).lines });
  };
  const move = (event: KeyboardEvent, from: number) => {
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
    const edge = { Home: 0, End: order.length - 1 }[event.key];
    if (step === undefined && edge === undefined) return;
    event.preventDefault();
    const position = order.indexOf(from);
    const next = order[edge ?? (position + (step ?? 0) + order.length) % order.length] ?? 0;
    setCurrent(next);
    paths.current[next]?.focus();
  };

  return (
    // A listbox of geographies (one tab stop, the arrow keys move): an SVG can be no <select>.
    <svg
      viewBox={`0 0 ${sheet.width} ${sheet.height}`}
      // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the options are the map's shapes
      role="listbox"
      aria-label={label}
      tabIndex={-1}
      style={{ width: '100%', height: 'auto', display: 'block' }}
      onMouseLeave={() => {
        setHighlighted(null);
        onShow(null);
      }}
    >
      <Hatches sheetId={sheetId} patterns={patterns} />
      {sheet.shapes.map((shape, index) => {
        const paint = paintOf(shape.code) ?? NOTHING;
        const on = highlighted === index;
        return (
          <path
            // Geographies have no unique key of their own: two Natural Earth shapes lie in one ISO country.
            // biome-ignore lint/suspicious/noArrayIndexKey: the atlas's order is fixed for the session
            key={index}
            ref={(element) => {
              paths.current[index] = element;
            }}
            d={shape.d}
            fill={own(sheetId, paint.fill)}
            stroke={on ? '#212529' : '#ffffff'}
            strokeWidth={on ? 1.5 : 0.5}
            role="option"
            aria-selected={index === current}
            aria-label={`${shape.name}: ${paint.lines.join('; ')}`}
            data-geography={shape.code ?? undefined}
            data-paint={paint.kind}
            tabIndex={index === current ? 0 : -1}
            onMouseEnter={() => show(index)}
            onFocus={() => {
              setCurrent(index);
              show(index);
            }}
            onBlur={() => setHighlighted(null)}
            onKeyDown={(event) => move(event, index)}
            style={{ outline: 'none', cursor: 'default' }}
          />
        );
      })}
      {/* A gap or overlap on a place too small to see gets a dot (the shape itself is the accessible one). */}
      {sheet.shapes.map((shape, index) => {
        const paint = paintOf(shape.code);
        if (!shape.tiny || !paint || (paint.kind !== 'gap' && paint.kind !== 'overlap')) return null;
        return (
          <circle
            // biome-ignore lint/suspicious/noArrayIndexKey: the atlas's order is fixed for the session
            key={`marker-${index}`}
            cx={shape.centre[0]}
            cy={shape.centre[1]}
            r={6}
            fill={paint.fill}
            stroke="#212529"
            strokeWidth={1}
            aria-hidden
            pointerEvents="none"
          />
        );
      })}
    </svg>
  );
}
