import { stageLabel } from '../i18n/common.messages';
import { dashboardText } from '../i18n/dashboard.messages';
import type { Locale } from '../i18n/locale';
import { html, type SafeHtml } from '../views/html';
import { barChart } from './bar-chart.view';
import { DASHBOARD_STAGES, stageCounts, type CycleDashboard } from './cycle-dashboard.model';
import { formatAmount } from './format';

/** A label that fits one line of a chart; the figures table and the description carry it whole. */
const LABEL_MAX = 56;
const shorten = (label: string) => (label.length > LABEL_MAX ? `${label.slice(0, LABEL_MAX - 1).trimEnd()}…` : label);

/** The three charts of a cycle: units by plan stage, punctuality per quarter, budget per focus task. */
export function dashboardCharts(dashboard: CycleDashboard, locale: Locale): SafeHtml {
  const text = dashboardText(locale);
  const counts = stageCounts(dashboard.units);
  const stages = barChart({
    id: 'chart-stages',
    title: text.chartStagesTitle,
    description: text.chartStagesDesc,
    locale,
    bars: DASHBOARD_STAGES.map((stage) => ({ label: stageLabel(stage, locale), value: counts[stage], display: String(counts[stage]), tone: `stage-${stage}` })),
  });

  const onTime = barChart({
    id: 'chart-on-time',
    title: text.chartOnTimeTitle,
    description: text.chartOnTimeDesc,
    locale,
    max: 100,
    bars: dashboard.onTime.map(({ quarter, onTime: sent, counted }) => {
      const percent = counted > 0 ? Math.round((sent / counted) * 100) : 0;
      return {
        label: text.columnQuarter(quarter),
        value: percent,
        display: counted > 0 ? `${percent} % (${text.onTimeOf(sent, counted)})` : text.chartOnTimeNone,
        tone: 'on-time',
      };
    }),
  });

  const budget =
    dashboard.budget.length === 0
      ? html`<section class="card chart" aria-labelledby="chart-budget-heading"><h3 id="chart-budget-heading">${text.chartBudgetTitle}</h3><p class="muted">${text.chartBudgetEmpty}</p></section>`
      : barChart({
          id: 'chart-budget',
          title: text.chartBudgetTitle,
          description: text.chartBudgetDesc,
          locale,
          bars: dashboard.budget.map((row) => {
            const name = row.focusTaskNumber === null ? text.noFocusTask : row.title ? text.focusTaskLong(row.focusTaskNumber, row.title) : text.focusTask(row.focusTaskNumber);
            return { label: shorten(name), longLabel: name, value: row.budget, display: text.vnd(formatAmount(row.budget)), tone: 'budget' };
          }),
        });

  return html`<h2 id="charts-heading">${text.chartsHeading}</h2>
<div class="charts" aria-labelledby="charts-heading">${stages}${onTime}${budget}</div>`;
}
