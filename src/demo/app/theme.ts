// The demo's look: the report's colour-blind-safe palette and Vega-Lite config (src/report/theme.ts),
// so charts in the report and on the projector agree, with type made larger for a room.

import { CATEGORICAL, OKABE_ITO, VEGA_CONFIG } from '../../report/theme.js';
import { CATEGORY, type Category } from '../protocol.js';

/** One colour per exit border, in the order of meta.exits (charts, map chips, share table). */
export const EXIT_COLOURS = CATEGORICAL.slice(0, 6);

/** Dot colours: Okabe–Ito, distinct under the common colour-vision deficiencies. */
export const CATEGORY_COLOURS: Record<Category, string> = {
  moving: OKABE_ITO.blue,
  waiting: OKABE_ITO.green,
  stranded: OKABE_ITO.orange,
  pushedBack: OKABE_ITO.vermillion,
  detained: OKABE_ITO.purple,
  smuggled: OKABE_ITO.black,
};

export const CATEGORY_LABELS: Record<Category, string> = {
  moving: 'On the move',
  waiting: 'Waiting or resting',
  stranded: 'Stranded (30+ days without crossing)',
  pushedBack: 'Pushed back, will try again',
  detained: 'Detained or registered',
  smuggled: 'With a smuggler (package paid)',
};

/** Common states first, rare ones last so they stay visible on top. */
export const DRAW_ORDER = [CATEGORY.moving, CATEGORY.waiting, CATEGORY.stranded, CATEGORY.smuggled, CATEGORY.detained, CATEGORY.pushedBack];

export const HARM_COLOURS = { injuries: OKABE_ITO.vermillion, deaths: OKABE_ITO.black } as const;

/** The report's Vega-Lite config with projector-sized type. */
export const DEMO_VEGA_CONFIG = {
  ...VEGA_CONFIG,
  background: null,
  padding: { left: 4, right: 8, top: 6, bottom: 4 },
  axis: { ...VEGA_CONFIG.axis, labelFontSize: 15, titleFontSize: 15, labelColor: '#1a1a1a', titleColor: '#1a1a1a' },
  legend: { ...VEGA_CONFIG.legend, labelFontSize: 15, titleFontSize: 15 },
  title: { ...VEGA_CONFIG.title, fontSize: 17 },
  text: { fontSize: 15 },
};
