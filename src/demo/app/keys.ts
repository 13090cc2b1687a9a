// Keyboard shortcuts for the projector: Space play/pause, → one day, + and − speed, Esc closes a
// message. They work wherever the focus is except in a text field or a list; on a slider the arrow
// keys keep moving the slider, and a Space on a focused button plays or pauses instead of pressing it.

export interface KeyActions {
  playPause(): void;
  step(): void;
  faster(): void;
  slower(): void;
  dismiss(): void;
}

/** Focus is somewhere that takes typed keys (a number field, a list), not a button or a slider. */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement) return true;
  return target instanceof HTMLInputElement && target.type !== 'range' && target.type !== 'checkbox';
}

export function bindKeys(actions: KeyActions): void {
  document.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
    const onSlider = e.target instanceof HTMLInputElement && e.target.type === 'range';
    let handled = true;
    if (e.key === ' ') actions.playPause();
    else if (e.key === 'ArrowRight' && !onSlider) actions.step();
    else if (e.key === '+' || e.key === '=' || e.code === 'NumpadAdd') actions.faster();
    else if (e.key === '-' || e.code === 'NumpadSubtract') actions.slower();
    else if (e.key === 'Escape') actions.dismiss();
    else handled = false;
    if (handled) e.preventDefault();
  });
  // A Space released on a focused button would also press it.
  document.addEventListener('keyup', (e) => {
    if (e.key === ' ' && !typing(e.target)) e.preventDefault();
  });
}
