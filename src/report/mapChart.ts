// The map as a Vega-Lite spec: country outlines (geoshape), the scenario's segments and places,
// a flow arrow across each used border with line width by people crossing, and the labels
// placed by mapLayout.ts. Used for the whole period and for the before/after small multiples,
// which share one width scale (`maxSegmentFlow`) so their arrows compare. In a comparison the
// arrows are coloured by the change between the arms.

import type { MapFrame } from './mapGeography.js';
import type { MapNetwork } from './mapFlows.js';
import { mapLayout, type LayoutOptions, type MapText } from './mapLayout.js';
import { CHANGE, MAP } from './theme.js';
import type { VlSpec } from './vegaSvg.js';

export interface MapPanelOptions extends Partial<Omit<LayoutOptions, 'flows' | 'change' | 'maxSegmentFlow' | 'labelValues'>> {
  labelValues?: ReadonlyMap<string, string>;
  frame: MapFrame;
  network: MapNetwork;
  flows: ReadonlyMap<string, number>;
  change?: ReadonlyMap<string, number>;
  maxSegmentFlow: number;
  /** Show the width (and change) legend. */
  legend?: boolean;
}

const ARROW_HEAD = 'M-1,-1L1,0L-1,1Z';

const segmentEncoding = {
  longitude: { field: 'x', type: 'quantitative' },
  latitude: { field: 'y', type: 'quantitative' },
  longitude2: { field: 'x2' },
  latitude2: { field: 'y2' },
};
const pointEncoding = { longitude: { field: 'lon', type: 'quantitative' }, latitude: { field: 'lat', type: 'quantitative' } };

export function mapSpec(o: MapPanelOptions): VlSpec {
  const fontSize = o.fontSize ?? 12;
  const options: LayoutOptions = {
    flows: o.flows,
    change: o.change,
    maxSegmentFlow: o.maxSegmentFlow,
    maxWidthPx: o.maxWidthPx ?? 14,
    arrowPx: o.arrowPx ?? 40,
    fontSize,
    placeNames: o.placeNames ?? true,
    labelMinFlow: o.labelMinFlow ?? 0,
    labelValues: o.labelValues,
  };
  const layout = mapLayout(o.frame, o.network, options);
  const legend = o.legend ?? true;
  const changeMax = Math.max(1, ...[...(o.change?.values() ?? [])].map(Math.abs));
  const color = o.change
    ? {
        field: 'change',
        type: 'quantitative',
        scale: { domain: [-changeMax, 0, changeMax], range: [CHANGE.down, CHANGE.none, CHANGE.up] },
        legend: legend ? { type: 'gradient', title: 'Change in crossings', titleLimit: 200, format: '~s', orient: 'right', gradientLength: 140 } : null,
      }
    : { value: MAP.flow };
  const texts = (kind: MapText['kind']) => layout.texts.filter((t) => t.kind === kind);
  const { frame } = o;

  return {
    width: frame.widthPx,
    height: frame.heightPx,
    projection: frame.vegaProjection,
    config: { view: { fill: MAP.water, stroke: '#c8c8c8' } },
    layer: [
      {
        data: { values: frame.countries.map((c) => ({ ...c.feature, properties: { ...c.feature.properties, inScenario: c.inScenario } })) },
        mark: { type: 'geoshape', stroke: MAP.outline, strokeWidth: 0.6 },
        encoding: { fill: { condition: { test: 'datum.properties.inScenario', value: MAP.scenarioLand }, value: MAP.land } },
      },
      { data: { values: o.network.internal }, mark: { type: 'rule', stroke: MAP.edge, strokeWidth: 0.8 }, encoding: segmentEncoding },
      ...ifAny(layout.unused, {
        mark: { type: 'rule', stroke: MAP.edge, strokeWidth: 0.8, strokeDash: [2, 2] },
        encoding: segmentEncoding,
      }),
      {
        data: { values: o.network.places },
        mark: { type: 'circle', size: 14, color: MAP.node, opacity: 0.9 },
        encoding: pointEncoding,
      },
      ...ifAny(layout.arrows, {
        mark: { type: 'rule', strokeCap: 'butt', opacity: 0.9 },
        encoding: {
          ...segmentEncoding,
          strokeWidth: {
            field: 'flow',
            type: 'quantitative',
            scale: { domain: [0, Math.max(options.maxSegmentFlow, 1)], range: [0.8, options.maxWidthPx] },
            legend: legend
              ? { title: 'People crossing', format: '~s', orient: 'right', values: legendValues(options.maxSegmentFlow), symbolType: 'stroke', symbolSize: 900, symbolStrokeColor: MAP.flow }
              : null,
          },
          color,
        },
      }),
      ...ifAny(layout.arrows, {
        mark: { type: 'point', shape: ARROW_HEAD, filled: true, opacity: 0.9 },
        encoding: {
          longitude: { field: 'hx', type: 'quantitative' },
          latitude: { field: 'hy', type: 'quantitative' },
          angle: { field: 'angle', type: 'quantitative', scale: null },
          size: { field: 'headSize', type: 'quantitative', scale: null },
          color: o.change ? { ...color, legend: null } : color,
        },
      }),
      ...textLayers(texts('country'), { fontSize: fontSize - 2, color: MAP.countryLabel, letterSpacing: 1 }),
      ...textLayers(texts('place'), { fontSize: fontSize - 1, color: MAP.label, fontStyle: 'italic' }, true),
      ...textLayers(texts('border'), { fontSize, color: MAP.label, fontWeight: 600 }, true),
    ],
  };
}

/** Three round legend values up to `max`: a quarter, a half and all of it, to two digits. */
export function legendValues(max: number): number[] {
  const round = (v: number) => Number(v.toPrecision(2));
  return [...new Set([round(max / 4), round(max / 2), round(max)])].filter((v) => v > 0);
}

function ifAny(values: readonly object[], layer: VlSpec): VlSpec[] {
  return values.length > 0 ? [{ data: { values }, ...layer }] : [];
}

/** Centred text at [lon, lat], over a white halo when asked (Vega has no paint-order). */
function textLayers(values: readonly MapText[], style: Record<string, unknown> & { fontSize: number; color: string }, halo = false): VlSpec[] {
  if (values.length === 0) return [];
  const { color, ...rest } = style;
  const base = { type: 'text', baseline: 'middle', align: 'center', lineHeight: rest.fontSize + 1, ...rest };
  const encoding = { ...pointEncoding, text: { field: 'text' } };
  const layers: VlSpec[] = [];
  if (halo) {
    layers.push({ data: { values }, mark: { ...base, color: 'white', stroke: 'white', strokeWidth: 3, strokeJoin: 'round', opacity: 0.85 }, encoding });
  }
  layers.push({ data: { values }, mark: { ...base, color }, encoding });
  return layers;
}
