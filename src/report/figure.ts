// One chart as HTML: heading, inline SVG, caption with the key numbers, and the numbers behind
// it in a collapsed <details> (a table and a CSV download as a data: URL, so the file works
// offline and on its own). Also the generic HTML table used by the panels.

import type { DataTable, RenderedChart } from './chartModel.js';
import { escapeHtml } from './format.js';

/** An HTML table; cells from `numericFrom` on are right-aligned numbers. */
export function tableHtml(table: DataTable, className = 'data'): string {
  const from = table.numericFrom ?? Infinity;
  const head = table.columns.map((c, i) => `<th scope="col"${i >= from ? ' class="num"' : ''}>${escapeHtml(c)}</th>`).join('');
  const body = table.rows
    .map((row) => `<tr>${row.map((cell, i) => (i === 0 ? `<th scope="row">${escapeHtml(cell)}</th>` : `<td${i >= from ? ' class="num"' : ''}>${escapeHtml(cell)}</td>`)).join('')}</tr>`)
    .join('\n');
  return `<table class="${className}"><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/** A data: URL holding CSV text. Only the characters a URL cannot carry are escaped (commas and
 * most punctuation stay as they are), which keeps the link about the size of the CSV itself. */
export function csvDataUrl(text: string): string {
  return `data:text/csv;charset=utf-8,${encodeURIComponent(text).replace(/%2C/g, ',').replace(/%3A/g, ':')}`;
}

function sizeText(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${Math.round(bytes / 1024)} KB`;
}

export function figureHtml(chart: RenderedChart): string {
  const details: string[] = [];
  if (chart.table) details.push(tableHtml(chart.table));
  if (chart.csv) {
    details.push(
      `<p class="download"><a download="${escapeHtml(chart.csv.fileName)}" href="${csvDataUrl(chart.csv.text)}">` +
        `Download the series behind this chart (${escapeHtml(chart.csv.fileName)}, ${sizeText(chart.csv.text.length)})</a>` +
        (chart.csv.text.startsWith('metric,entity,date,') ? ', rows as in series.csv.</p>' : ', averaged over the bins the chart draws.</p>'),
    );
  }
  const numbers =
    details.length > 0
      ? `<details><summary>Numbers behind this chart</summary>\n${details.join('\n')}\n</details>`
      : '';
  return [
    `<figure class="chart" id="${chart.id}">`,
    `<h3>${escapeHtml(chart.title)}</h3>`,
    `<div class="svg">${chart.svg}</div>`,
    `<figcaption>${escapeHtml(chart.caption)}</figcaption>`,
    numbers,
    `</figure>`,
  ].join('\n');
}
