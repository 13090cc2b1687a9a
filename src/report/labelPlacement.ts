// Greedy label placement in screen space: labels are taken in priority order and each goes to
// the first candidate position around its anchor that overlaps neither an obstacle nor a label
// already placed, nor the frame's edge; a label with no free position is left out (every number
// on the map is also in the table under it).
//
// Why by hand: Vega's `label` transform is not reachable from Vega-Lite, and the map has only a
// few dozen labels, so a greedy pass over eight candidate positions is enough (about 0.2 ms).
// Text widths are estimated (0.6 em per character, 0.66 em in bold) because Node has no font
// metrics; the estimate errs wide.

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface LabelRequest {
  /** What the label belongs to, in px: a point (x0 = x1, y0 = y1) or a box (a flow arrow). */
  anchor: Box;
  /** Text; '\n' separates lines. */
  text: string;
  fontSize: number;
  bold?: boolean;
  /** Distance from the anchor to the nearest edge of the label, px; undefined centres the label
   * on the anchor (or near it when the centre is taken). */
  gapPx?: number;
}

export interface PlacedLabel {
  request: LabelRequest;
  /** Centre of the label in px. */
  cx: number;
  cy: number;
}

/** Estimated size of a label in px. */
export function labelSize(r: Pick<LabelRequest, 'text' | 'fontSize' | 'bold'>): { w: number; h: number } {
  const lines = r.text.split('\n');
  const em = r.bold ? 0.66 : 0.6;
  return { w: Math.max(...lines.map((l) => l.length)) * r.fontSize * em + 2, h: lines.length * (r.fontSize + 1) + 2 };
}

/** Candidate centres around the anchor box: right, left, above, below, then the diagonals. */
function candidates(r: LabelRequest, w: number, h: number): [number, number][] {
  const { x0, y0, x1, y1 } = r.anchor;
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  if (r.gapPx === undefined) {
    // Centred first; then nudged by its own half size (a country name can move within the country).
    return [[cx, cy], [cx, cy - h], [cx, cy + h], [cx + w / 2, cy], [cx - w / 2, cy]];
  }
  const right = x1 + r.gapPx + w / 2;
  const left = x0 - r.gapPx - w / 2;
  const above = y0 - r.gapPx - h / 2;
  const below = y1 + r.gapPx + h / 2;
  return [
    [right, cy],
    [left, cy],
    [cx, above],
    [cx, below],
    [right, above],
    [right, below],
    [left, above],
    [left, below],
  ];
}

const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/** Place `requests` (highest priority first) inside [0, width] × [0, height]. */
export function placeLabels(requests: readonly LabelRequest[], obstacles: readonly Box[], width: number, height: number): PlacedLabel[] {
  const taken: Box[] = [...obstacles];
  const placed: PlacedLabel[] = [];
  for (const r of requests) {
    const { w, h } = labelSize(r);
    for (const [cx, cy] of candidates(r, w, h)) {
      const box = { x0: cx - w / 2, y0: cy - h / 2, x1: cx + w / 2, y1: cy + h / 2 };
      if (box.x0 < 2 || box.y0 < 2 || box.x1 > width - 2 || box.y1 > height - 2) continue;
      if (taken.some((t) => overlaps(t, box))) continue;
      taken.push(box);
      placed.push({ request: r, cx, cy });
      break;
    }
  }
  return placed;
}
