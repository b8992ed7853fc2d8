// The world map of a proposal: each country coloured by its current stance, members of the deciding body outlined.
import { geoNaturalEarth1, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import codes from 'i18n-iso-countries/codes.json';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import worldUrl from 'world-atlas/countries-50m.json?url';
import { h, s } from './dom.js';

/** ISO 3166-1 numeric (the atlas's ids) → alpha-3 (the store's country keys). */
const ALPHA3 = new Map((codes as string[][]).map((c) => [c[2], c[1]]));

let world: Promise<Array<Feature<Geometry, { name: string }>>> | null = null;
const loadWorld = () => (world ??= fetch(worldUrl).then((r) => r.json()).then((topo: Topology) =>
  (feature(topo, topo.objects.countries as GeometryCollection<{ name: string }>) as FeatureCollection<Geometry, { name: string }>).features));

export interface MapView {
  element: HTMLElement;
  /** Recolours the countries: stance by ISO3 (countries not in the map stay grey). */
  colour(stances: Map<string, string>): void;
}

const LEGEND = ['support', 'oppose', 'undecided', 'abstain'];

export async function worldMap(stances: Map<string, string>, members: Set<string>, label: string): Promise<MapView> {
  const features = await loadWorld();
  const width = 960;
  const height = 500;
  // Frame the members and the countries with a stance (the whole world when there are none, or they span most of it).
  const focus = features.filter((f) => { const iso = ALPHA3.get(String(f.id ?? '')); return iso && (members.has(iso) || stances.has(iso)); });
  const projection = geoNaturalEarth1().fitExtent([[4, 4], [width - 4, height - 4]], focus.length ? { type: 'FeatureCollection', features: focus } : { type: 'Sphere' });
  const path = geoPath(projection);
  const paths = new Map<string, SVGPathElement[]>();
  const titles = new Map<string, SVGTitleElement>();
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, class: 'world', role: 'img', 'aria-label': label },
    s('path', { d: path({ type: 'Sphere' }) ?? '', class: 'sphere' }),
    features.map((f) => {
      const iso3 = ALPHA3.get(String(f.id ?? '')) ?? '';
      const title = s('title', {}, f.properties.name);
      const el = s('path', { d: path(f) ?? '', class: `country${members.has(iso3) ? ' member' : ''}`, 'data-iso3': iso3 || null, 'data-member': members.has(iso3) ? 'true' : null }, title);
      if (iso3) {
        paths.set(iso3, [...(paths.get(iso3) ?? []), el]);
        titles.set(iso3, title);
      }
      return el;
    }));
  // Members are drawn last so their outline is not hidden under a neighbour.
  for (const iso3 of members) for (const el of paths.get(iso3) ?? []) svg.appendChild(el);
  const legend = h('ul', { class: 'legend' },
    LEGEND.map((st) => h('li', {}, h('span', { class: `swatch stance-${st}` }), st)),
    h('li', {}, h('span', { class: 'swatch stance-none' }), 'no stance'),
    h('li', {}, h('span', { class: 'swatch member-swatch' }), 'member of the body'));
  const view: MapView = {
    element: h('figure', { class: 'map' }, svg, h('figcaption', {}, legend)),
    colour(next) {
      for (const [iso3, els] of paths) {
        const stance = next.get(iso3) ?? 'none';
        for (const el of els) {
          el.setAttribute('data-stance', stance);
          el.classList.remove(...[...el.classList].filter((c) => c.startsWith('stance-')));
          el.classList.add(`stance-${stance}`);
        }
        const name = titles.get(iso3)!.textContent!.split(':')[0];
        titles.get(iso3)!.textContent = `${name}: ${stance === 'none' ? 'no stance' : stance}${members.has(iso3) ? ' (member)' : ''}`;
      }
    },
  };
  view.colour(stances);
  return view;
}
