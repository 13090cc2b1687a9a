// The report's look in one place: a colour-blind-safe palette, readable fonts and the Vega-Lite
// config every chart and map shares, so charts in the report (and later the browser demo) agree.
//
// Colours are Okabe & Ito (2008), distinguishable with the common colour-vision deficiencies;
// the yellow is left out of the categorical range because it is unreadable as a line on white.
// Text is at least 12 px in the SVG (the page scales SVGs down only on narrow screens).

/** Okabe–Ito colours by name. */
export const OKABE_ITO = {
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  green: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  purple: '#CC79A7',
} as const;

/** Categorical range, most distinct first (yellow last: only for fills). */
export const CATEGORICAL = [
  OKABE_ITO.blue,
  OKABE_ITO.orange,
  OKABE_ITO.green,
  OKABE_ITO.vermillion,
  OKABE_ITO.purple,
  OKABE_ITO.skyBlue,
  OKABE_ITO.black,
  OKABE_ITO.yellow,
];

/** Colour for an "everything else" category. */
export const OTHER_GREY = '#9a9a9a';

/** Fan charts: the band (p05–p95 across runs) and the mean line. */
export const FAN = { band: OKABE_ITO.skyBlue, bandOpacity: 0.45, line: OKABE_ITO.blue } as const;

/** Policy events on time axes. */
export const EVENT_RULE = { stroke: '#6b6b6b', dash: [3, 3], label: '#333333' } as const;

/** Diverging colours for change between two arms (decrease, no change, increase). */
export const CHANGE = { down: OKABE_ITO.blue, none: '#bdbdbd', up: OKABE_ITO.vermillion } as const;

/** Map fills and strokes. */
export const MAP = {
  water: '#dbe9f3',
  land: '#f7f7f5',
  scenarioLand: '#e6e4dc',
  outline: '#a5a5a5',
  edge: '#8c8c8c',
  node: '#333333',
  flow: OKABE_ITO.blue,
  label: '#1a1a1a',
  countryLabel: '#6e6e6e',
} as const;

export const FONT_STACK = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

/** Vega-Lite `config` shared by every chart. `aria: false` keeps Vega from writing an aria-label
 * per mark item (thousands of attributes); each chart gets one <title>/<desc> instead. */
export const VEGA_CONFIG = {
  font: FONT_STACK,
  aria: false,
  background: 'white',
  padding: 6,
  view: { stroke: null },
  title: { fontSize: 14, fontWeight: 600, anchor: 'start', color: '#1a1a1a', offset: 6 },
  axis: {
    labelFontSize: 12,
    titleFontSize: 12,
    titleFontWeight: 500,
    labelColor: '#333333',
    titleColor: '#333333',
    gridColor: '#e4e4e4',
    domainColor: '#888888',
    tickColor: '#888888',
  },
  // A shared SI prefix would write zero as "0k".
  axisQuantitative: { labelExpr: "datum.value === 0 ? '0' : datum.label" },
  legend: { labelFontSize: 12, titleFontSize: 12, titleFontWeight: 500, symbolStrokeWidth: 2 },
  header: { labelFontSize: 13, titleFontSize: 13 },
  range: { category: CATEGORICAL },
  numberFormat: ',.4~g',
  lineBreak: '\n',
} as const;
