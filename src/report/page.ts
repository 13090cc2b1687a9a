// The HTML document around the charts: one file with its CSS inline and no script, no font, no
// image and no link that would need a network (the report must open from disk, offline).
// Typography: the reader's system font at 16 px, figures at least 12 px, tabular numbers in
// tables; the layout is one column up to 1,100 px, and SVGs scale down on narrow screens.

import { escapeHtml } from './format.js';

export interface PageSection {
  id: string;
  title: string;
  /** Inner HTML. */
  html: string;
}

export interface PageInput {
  title: string;
  subtitle: string;
  /** Short text under the title: how to read bands and markers. */
  intro: string;
  sections: PageSection[];
  generator: string;
}

const CSS = `
:root { color-scheme: light; --ink: #1a1a1a; --muted: #555; --rule: #d9d9d9; --accent: #0072B2; --bg-soft: #f6f6f4; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #fff; }
main { max-width: 1100px; margin: 0 auto; padding: 24px 28px 64px; }
header h1 { font-size: 28px; line-height: 1.2; margin: 8px 0 4px; }
header .subtitle { color: var(--muted); margin: 0 0 12px; }
header .intro { max-width: 860px; }
nav.toc { border-top: 1px solid var(--rule); border-bottom: 1px solid var(--rule); padding: 8px 0; margin: 16px 0 8px; font-size: 15px; }
nav.toc a { color: var(--accent); margin-right: 18px; text-decoration: none; white-space: nowrap; }
nav.toc a:hover, nav.toc a:focus { text-decoration: underline; }
section { margin-top: 36px; }
h2 { font-size: 22px; border-bottom: 2px solid var(--ink); padding-bottom: 4px; margin: 0 0 12px; }
h3 { font-size: 17px; margin: 20px 0 6px; }
figure.chart { margin: 18px 0 30px; }
figure.chart .svg svg { max-width: 100%; height: auto; display: block; }
figcaption { font-size: 15px; color: #333; max-width: 900px; margin-top: 6px; }
details { margin-top: 8px; font-size: 14px; }
details > summary { cursor: pointer; color: var(--accent); }
details > summary:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
table.data { border-collapse: collapse; margin: 8px 0; font-size: 13px; font-variant-numeric: tabular-nums; }
table.data th, table.data td { padding: 3px 10px; border-bottom: 1px solid #e6e6e6; text-align: left; vertical-align: top; }
table.data thead th { border-bottom: 2px solid #bbb; font-weight: 600; }
table.data .num { text-align: right; }
table.data tbody tr:nth-child(even) { background: #fafafa; }
table.events td:nth-child(5) { color: var(--muted); font-size: 12px; max-width: 380px; }
table.events td:nth-child(2) { white-space: nowrap; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(170px, 1fr)); gap: 10px; margin: 16px 0; }
.card { background: var(--bg-soft); border-radius: 6px; padding: 10px 12px; }
.card .value { font-size: 24px; font-weight: 650; font-variant-numeric: tabular-nums; }
.card .label { font-size: 14px; }
.card .range { font-size: 13px; color: var(--muted); font-variant-numeric: tabular-nums; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 18px; margin: 8px 0; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
.note { color: var(--muted); font-size: 14px; }
.warning { background: #fff4e0; border-left: 4px solid #E69F00; padding: 6px 10px; }
ul.sources { font-size: 14px; }
.ref { color: var(--muted); }
footer { margin-top: 48px; color: var(--muted); font-size: 13px; }
@media print { nav.toc { display: none; } details { display: block; } figure.chart { break-inside: avoid; } }
`;

export function pageHtml(p: PageInput): string {
  const toc = p.sections.map((s) => `<a href="#${s.id}">${escapeHtml(s.title)}</a>`).join('');
  const sections = p.sections
    .map((s) => `<section id="${s.id}" aria-labelledby="${s.id}-h">\n<h2 id="${s.id}-h">${escapeHtml(s.title)}</h2>\n${s.html}\n</section>`)
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${escapeHtml(p.generator)}">
<title>${escapeHtml(p.title)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
<header>
<h1>${escapeHtml(p.title)}</h1>
<p class="subtitle">${escapeHtml(p.subtitle)}</p>
<p class="intro">${p.intro}</p>
</header>
<nav class="toc" aria-label="Contents">${toc}</nav>
${sections}
<footer>Made by ${escapeHtml(p.generator)}. Charts drawn with Vega-Lite; country outlines from Natural Earth (world-atlas, public domain).</footer>
</main>
</body>
</html>
`;
}
