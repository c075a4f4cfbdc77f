/**
 * The web app's one script. Pages work without it; it adds what a form cannot do alone. Each part
 * looks for its own marker in the page and does nothing where the marker is absent.
 */
import { enhancePlanEditor } from './plan-editor';
import { followCycleProgress } from './dashboard-live';

document.addEventListener('DOMContentLoaded', () => {
  document.querySelectorAll<HTMLElement>('[data-plan-editor]').forEach(enhancePlanEditor);
  document.querySelectorAll<HTMLElement>('[data-live-progress]').forEach(followCycleProgress);
});
