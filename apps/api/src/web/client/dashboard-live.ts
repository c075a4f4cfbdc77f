/** What GET /app/cycles/:id/progress.json answers. */
interface CycleProgress {
  expectedUnits: number;
  unitsUp: number;
  stage: string;
}

const POLL_MS = 2_000;

/**
 * A starting cycle, live: polls the progress JSON every 2 s, moves the bar and the sentence (read
 * out politely by screen readers), and reloads the page once every unit is up, so the dashboard
 * shows them. A failed poll (a blip, a lost session) just waits for the next one.
 */
export function followCycleProgress(block: HTMLElement): void {
  const url = block.dataset.liveProgress;
  if (!url) return;
  const bar = block.querySelector<HTMLProgressElement>('progress');
  const sentence = block.querySelector<HTMLElement>('[data-progress-text]');
  const template = block.dataset.progressTemplate ?? '{up} / {expected}';

  const show = (progress: CycleProgress) => {
    if (bar) {
      bar.max = Math.max(1, progress.expectedUnits);
      bar.value = progress.unitsUp;
    }
    const text = template.replace('{up}', String(progress.unitsUp)).replace('{expected}', String(progress.expectedUnits));
    // Only a change is announced: rewriting the same words would make a screen reader repeat them.
    if (sentence && sentence.textContent !== text) sentence.textContent = text;
  };

  const poll = async () => {
    // A tab in the background does not need to know; it catches up when shown again.
    if (!document.hidden) {
      try {
        const response = await fetch(url, { headers: { accept: 'application/json' }, credentials: 'same-origin', cache: 'no-store' });
        if (response.ok && response.headers.get('content-type')?.includes('application/json')) {
          const progress = (await response.json()) as CycleProgress;
          show(progress);
          if (progress.unitsUp >= progress.expectedUnits) {
            window.location.reload();
            return;
          }
        }
      } catch {
        // Offline for a moment: try again at the next tick.
      }
    }
    window.setTimeout(poll, POLL_MS);
  };
  window.setTimeout(poll, POLL_MS);
}
