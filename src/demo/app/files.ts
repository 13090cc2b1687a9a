// Scenario files from the user: the "Open file…" button and a file dropped anywhere on the page
// (with a full-page hint while dragging); and the message box that shows what went wrong with one,
// a problem per line with the file and the JSON path, or what validation warns about one that runs.

import { state } from './state.js';

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

/** Call `open` with the name and text of each file the user opens or drops. */
export function watchScenarioFiles(open: (name: string, text: string) => void): void {
  const read = (file: File | undefined) => {
    if (file) void file.text().then((text) => open(file.name, text));
  };
  $('open-file').addEventListener('click', () => $<HTMLInputElement>('file-input').click());
  $<HTMLInputElement>('file-input').addEventListener('change', (e) => {
    const input = e.target as HTMLInputElement;
    read(input.files?.[0]);
    input.value = '';
  });
  // dragenter/dragleave fire for every child element crossed: count them.
  let depth = 0;
  window.addEventListener('dragenter', (e) => {
    if (!e.dataTransfer?.types.includes('Files')) return;
    depth++;
    $('drop').hidden = false;
  });
  window.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) $('drop').hidden = true;
  });
  window.addEventListener('dragover', (e) => e.preventDefault());
  window.addEventListener('drop', (e) => {
    e.preventDefault();
    depth = 0;
    $('drop').hidden = true;
    read(e.dataTransfer?.files[0]);
  });
  $('message').querySelector('.close')!.addEventListener('click', hideMessage);
}

const SHOWN_PROBLEMS = 12;

export function showMessage(text: string, problems: readonly string[]): void {
  const box = $('message');
  const body = box.querySelector('.message-body')!;
  const p = document.createElement('p');
  p.textContent = text;
  body.replaceChildren(p);
  if (problems.length > 0) {
    const ul = document.createElement('ul');
    for (const problem of problems.slice(0, SHOWN_PROBLEMS)) ul.appendChild(Object.assign(document.createElement('li'), { textContent: problem }));
    if (problems.length > SHOWN_PROBLEMS) ul.appendChild(Object.assign(document.createElement('li'), { textContent: `… and ${problems.length - SHOWN_PROBLEMS} more` }));
    body.appendChild(ul);
  }
  box.hidden = false;
  box.querySelector<HTMLButtonElement>('.close')!.focus();
}

/** Validation's warnings about a scenario that runs (src/scenarios/warnings.ts), once per scenario
 * source: a new seed or people-per-dot reloads it without repeating them. */
export function showWarnings(warnings: readonly string[], source: string): void {
  if (warnings.length === 0 || state.warnedSource === source) return;
  state.warnedSource = source;
  showMessage('The scenario runs, but validation warns:', warnings);
}

export function hideMessage(): void {
  $('message').hidden = true;
}
