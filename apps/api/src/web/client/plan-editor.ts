import { formatVnd, parseVndAmount, vndInWords } from '@plancycle/domain';

/** What the page tells the script about coverage: what should be served, by focus task or by provincial row. */
interface CoverageSources {
  focusTasks: Array<{ number: number; title: string }>;
  assignments: Array<{ id: string; content: string }>;
}

/**
 * The plan's appendix table as an editable grid: rows added and removed in place, the total in VND
 * and in words as the officer types, and the coverage advice (focus tasks or provincial rows no row
 * serves yet) kept current. Saving is the form's own post.
 */
export function enhancePlanEditor(editor: HTMLElement): void {
  const rows = editor.querySelector<HTMLElement>('[data-rows]');
  const template = editor.querySelector<HTMLTemplateElement>('template[data-row-template]');
  if (!rows || !template) return;
  const coverage = JSON.parse(editor.dataset.coverage ?? '{"focusTasks":[],"assignments":[]}') as CoverageSources;
  let nextIndex = Number(editor.dataset.nextIndex ?? rows.children.length);

  const refresh = () => {
    renumber(rows);
    showTotal(editor, rows);
    showCoverage(editor, rows, coverage);
  };

  editor.querySelector<HTMLButtonElement>('[data-add-row]')?.addEventListener('click', () => {
    const fragment = template.content.cloneNode(true) as DocumentFragment;
    fragment.querySelectorAll<HTMLElement>('[name], [id], [for]').forEach((field) => {
      for (const attribute of ['name', 'id', 'for']) {
        const value = field.getAttribute(attribute);
        if (value) field.setAttribute(attribute, value.replace(/__INDEX__/g, String(nextIndex)));
      }
    });
    nextIndex += 1;
    rows.appendChild(fragment);
    rows.lastElementChild?.querySelector<HTMLElement>('textarea, input:not([type=hidden])')?.focus();
    refresh();
  });

  rows.addEventListener('click', (event) => {
    const button = (event.target as HTMLElement).closest('[data-remove-row]');
    if (!button) return;
    const row = button.closest('[data-row]');
    const focusAfter = row?.nextElementSibling ?? row?.previousElementSibling;
    row?.remove();
    (focusAfter?.querySelector('textarea') as HTMLElement | null)?.focus();
    refresh();
  });
  rows.addEventListener('input', refresh);
  rows.addEventListener('change', refresh);
  refresh();
}

function renumber(rows: HTMLElement): void {
  Array.from(rows.querySelectorAll<HTMLElement>('[data-row-number]')).forEach((cell, index) => {
    cell.textContent = String(index + 1);
  });
}

function showTotal(editor: HTMLElement, rows: HTMLElement): void {
  let total = 0;
  let valid = true;
  rows.querySelectorAll<HTMLInputElement>('input[data-budget]').forEach((input) => {
    const amount = parseVndAmount(input.value);
    const bad = amount === 'invalid' || amount === 'negative';
    input.setAttribute('aria-invalid', String(bad));
    if (bad) valid = false;
    else if (amount !== null) total += amount;
  });
  const totalCell = editor.querySelector('[data-total]');
  const words = editor.querySelector('[data-total-words]');
  if (totalCell) totalCell.textContent = valid ? formatVnd(total) : '—';
  if (words) words.textContent = valid && Number.isSafeInteger(total) ? vndInWords(total) : (editor.dataset.invalidBudget ?? '');
}

function showCoverage(editor: HTMLElement, rows: HTMLElement, coverage: CoverageSources): void {
  const list = editor.querySelector<HTMLElement>('[data-coverage-list]');
  const box = editor.querySelector<HTMLElement>('[data-coverage]');
  if (!list || !box) return;
  const served = new Set<string>();
  const sources = new Set<string>();
  rows.querySelectorAll<HTMLElement>('[data-row]').forEach((row) => {
    const content = row.querySelector<HTMLTextAreaElement>('textarea')?.value.trim();
    if (!content) return;
    row.querySelectorAll<HTMLInputElement>('input[data-focus]:checked').forEach((box) => served.add(box.value));
    const source = row.querySelector<HTMLSelectElement>('select[data-source]')?.value;
    if (source) sources.add(source);
  });
  const missing = [
    ...coverage.focusTasks.filter((task) => !served.has(String(task.number))).map((task) => `${task.number}. ${task.title}`),
    ...coverage.assignments.filter((item) => !sources.has(item.id)).map((item) => item.content),
  ];
  list.replaceChildren(
    ...missing.map((text) => {
      const item = document.createElement('li');
      item.textContent = text;
      return item;
    }),
  );
  box.hidden = missing.length === 0;
}
