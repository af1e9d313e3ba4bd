import { useQuery } from '@tanstack/react-query';
import type { FeatureCollection, Geometry } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';

/** One geography drawn on a map: its ISO code (alpha-2, or ISO 3166-2 for a US state), name and SVG path. */
export interface MapShape {
  code: string | null;
  name: string;
  d: string;
  /** Where a marker goes, and whether the shape is too small to see at this scale (an island, Puerto Rico). */
  centre: [number, number];
  tiny: boolean;
}

/** Under this many square pixels a shape is marked with a dot, so a gap or overlap there is seen. */
const TINY_AREA = 40;

export interface MapSheet {
  width: number;
  height: number;
  shapes: MapShape[];
}

export interface Atlas {
  world: MapSheet;
  us: MapSheet;
}

/**
 * Natural Earth draws three places without an ISO numeric id: two lie within an ISO country (drawn as part of
 * it), Kosovo has no ISO 3166-1 code (drawn as a place the model cannot name).
 */
const WITHIN_COUNTRY: Record<string, string> = { 'N. Cyprus': 'CY', Somaliland: 'SO' };
/** us-atlas names that differ from ISO 3166-2's. */
const US_NAME_ALIASES: Record<string, string> = {
  'Commonwealth of the Northern Mariana Islands': 'Northern Mariana Islands',
};

const WORLD = { width: 960, height: 470 };
const US = { width: 960, height: 560 };

type Named = GeometryCollection<{ name: string }>;

/**
 * The world's countries (world-atlas, 1:110m) and the US states (us-atlas, 1:10m), projected once into SVG
 * paths: Equal Earth for the world, Albers USA (Alaska and Hawaii inset) for the states. Loaded on first use,
 * in chunks of their own (the JSON alone is ~75 KiB gzipped): never part of the initial bundle.
 */
export async function loadAtlas(): Promise<Atlas> {
  const [{ geoAlbersUsa, geoEqualEarth, geoPath }, { feature }, { iso31661, iso31662 }, world, us] =
    await Promise.all([
      import('d3-geo'),
      import('topojson-client'),
      import('iso-3166'),
      import('world-atlas/countries-110m.json'),
      import('us-atlas/states-10m.json'),
    ]);
  const alpha2 = new Map(iso31661.map((country) => [country.numeric, country.alpha2]));
  const usState = new Map(
    iso31662.filter((entry) => entry.parent === 'US').map((entry) => [entry.name, entry.code]),
  );

  const sheet = (
    topology: Topology,
    object: Named,
    size: { width: number; height: number },
    projectionFor: (
      collection: FeatureCollection<Geometry, { name: string }>,
    ) => Parameters<typeof geoPath>[0],
    codeOf: (id: string | number | undefined, name: string) => string | null,
  ): MapSheet => {
    const collection = feature(topology, object) as FeatureCollection<Geometry, { name: string }>;
    const path = geoPath(projectionFor(collection));
    const shapes = collection.features.flatMap((shape) => {
      const d = path(shape);
      if (!d) return []; // outside the projection (Albers USA draws neither Puerto Rico nor Guam)
      const [x, y] = path.centroid(shape);
      return [
        {
          code: codeOf(shape.id, shape.properties.name),
          name: shape.properties.name,
          d,
          centre: [x, y] as [number, number],
          tiny: path.area(shape) < TINY_AREA,
        },
      ];
    });
    return { ...size, shapes };
  };

  const worldTopology = world.default as unknown as Topology<{ countries: Named }>;
  const usTopology = us.default as unknown as Topology<{ states: Named }>;
  return {
    world: sheet(
      worldTopology,
      worldTopology.objects.countries,
      WORLD,
      (collection) => geoEqualEarth().fitSize([WORLD.width, WORLD.height], collection),
      (id, name) => (id === undefined ? (WITHIN_COUNTRY[name] ?? null) : (alpha2.get(String(id)) ?? null)),
    ),
    us: sheet(
      usTopology,
      usTopology.objects.states,
      US,
      (collection) => geoAlbersUsa().fitSize([US.width, US.height], collection),
      (_id, name) => usState.get(US_NAME_ALIASES[name] ?? name) ?? null,
    ),
  };
}

/** The atlas, loaded once (its own lazy chunks) and kept for the session. */
export function useAtlas() {
  return useQuery({
    queryKey: ['atlas'],
    queryFn: loadAtlas,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
  });
}
