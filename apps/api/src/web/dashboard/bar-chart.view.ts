import { dashboardText } from '../i18n/dashboard.messages';
import type { Locale } from '../i18n/locale';
import { html, type SafeHtml } from '../views/html';

export interface Bar {
  /** Short, drawn beside the bar. */
  label: string;
  /** Written in the figures table and read by screen readers; the label when absent. */
  longLabel?: string;
  value: number;
  /** The value as a reader writes it: `12`, `75 % (3/4)`, `200.000.000 đ`. */
  display: string;
  /** Extra class of the bar, e.g. its stage, for its colour. */
  tone?: string;
}

export interface BarChartOptions {
  id: string;
  title: string;
  description: string;
  bars: readonly Bar[];
  /** The value of a full-length bar: 100 for a percentage; the largest value by default. */
  max?: number;
  locale: Locale;
}

/** Drawn at about the size it is shown in a third of an office screen, so 12 px text stays 12 px. */
const WIDTH = 400;
const ROW = 40;
const BAR_HEIGHT = 14;
const VALUE_SPACE = 130;
const BAR_SPACE = WIDTH - VALUE_SPACE;

/**
 * A horizontal bar chart drawn on the server as inline SVG: no chart library, nothing fetched,
 * printable. Screen readers get its title and a description carrying every figure; everyone can
 * open the same figures as a table.
 */
export function barChart(options: BarChartOptions): SafeHtml {
  const text = dashboardText(options.locale);
  const { id, bars } = options;
  const max = options.max ?? Math.max(0, ...bars.map((bar) => bar.value));
  const height = bars.length * ROW + 4;
  const figures = bars.map((bar) => `${bar.longLabel ?? bar.label}: ${bar.display}`).join('; ');
  return html`<section class="card chart" aria-labelledby="${id}-heading">
  <h3 id="${id}-heading">${options.title}</h3>
  <svg viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-labelledby="${id}-title ${id}-desc" focusable="false">
    <title id="${id}-title">${options.title}</title>
    <desc id="${id}-desc">${options.description} ${figures}.</desc>
    ${bars.map((bar, index) => {
      // The label above its bar, so a long one (a focus task, "no focus task") needs no abbreviation.
      const y = index * ROW;
      const length = max > 0 ? Math.round((Math.max(0, bar.value) / max) * BAR_SPACE) : 0;
      return html`<g class="bar-row">
      <text x="0" y="${y + 13}" class="bar-label">${bar.label}</text>
      <rect x="0" y="${y + 19}" width="${BAR_SPACE}" height="${BAR_HEIGHT}" rx="3" class="bar-track"></rect>
      ${length > 0 && html`<rect x="0" y="${y + 19}" width="${length}" height="${BAR_HEIGHT}" rx="3" class="bar ${bar.tone ?? ''}"></rect>`}
      <text x="${BAR_SPACE + 8}" y="${y + 31}" class="bar-value">${bar.display}</text>
    </g>`;
    })}
  </svg>
  <p class="muted">${options.description}</p>
  <details>
    <summary>${text.chartData}</summary>
    <table>
      <thead><tr><th scope="col">${text.columnCategory}</th><th scope="col" class="num">${text.columnValue}</th></tr></thead>
      <tbody>${bars.map((bar) => html`<tr><th scope="row">${bar.longLabel ?? bar.label}</th><td class="num">${bar.display}</td></tr>`)}</tbody>
    </table>
  </details>
</section>`;
}
