import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { cycleIdOf } from '@plancycle/domain';
import type { DataSource } from 'typeorm';
import { addCountry, type CountryProvince } from './country';
import { addDashboardData } from './dashboard-data';
import type { BenchPart } from './part';
import { inPool } from './pool';
import { ratio, type Figure } from './report';
import { positiveSetting } from './settings';
import { summarize, type Summary } from './stats';

/** Per unit, its plan and the state of its latest report of each period, as the dashboard's table shows them. */
const RAW_UNITS = `
  SELECT cu.unit_code, u.name AS unit_name, coalesce(p.stage, 'pending') AS stage, p.version_in_force,
         (SELECT max(v.version) FROM plan_versions v WHERE v.plan_id = p.id) AS latest_version,
         f.document_number, to_char(f.issued_on, 'YYYY-MM-DD') AS issued_on, r.cells
  FROM cycle_units cu
  JOIN org_units u ON u.code = cu.unit_code
  LEFT JOIN plans p ON p.cycle_id = cu.cycle_id AND p.unit_code = cu.unit_code AND p.kind = 'unit'
  LEFT JOIN plan_versions f ON f.plan_id = p.id AND f.version = p.version_in_force
  LEFT JOIN (
    SELECT unit_code, jsonb_object_agg(coalesce('q' || quarter, 'annual'), jsonb_build_array(id, state)) AS cells
    FROM (
      SELECT DISTINCT ON (unit_code, kind, quarter) unit_code, quarter, id,
             CASE WHEN stage = 'accepted' THEN 'accepted' WHEN due_at < $2 THEN 'late' WHEN stage = 'review' THEN 'submitted' ELSE 'open' END AS state
      FROM reports WHERE cycle_id = $1 AND kind IN ('quarterly', 'annual')
      ORDER BY unit_code, kind, quarter, created_at DESC, id DESC
    ) AS latest
    GROUP BY unit_code
  ) AS r ON r.unit_code = cu.unit_code
  WHERE cu.cycle_id = $1
  ORDER BY cu.unit_code COLLATE "C"`;

/** The cycle, its provincial plan, the overdue tasks and each quarter's punctuality. */
const RAW_TOTALS = `
  SELECT c.stage, pr.name AS province_name, pp.stage AS provincial_stage, pv.document_number AS provincial_number,
         (SELECT count(*)::int FROM tasks t JOIN plans tp ON tp.id = t.plan_id WHERE tp.cycle_id = $1 AND t.state = 'open' AND t.due_at < $2) AS overdue,
         (SELECT jsonb_agg(jsonb_build_array(quarter, on_time, counted) ORDER BY quarter) FROM (
            SELECT q.quarter, count(r.id) FILTER (WHERE r.submitted_at <= r.due_at) AS on_time,
                   count(r.id) FILTER (WHERE r.submitted_at IS NOT NULL OR r.due_at < $2) AS counted
            FROM generate_series(1, 4) AS q (quarter)
            LEFT JOIN reports r ON r.cycle_id = $1 AND r.kind = 'quarterly' AND r.quarter = q.quarter
            GROUP BY q.quarter) AS punctuality) AS on_time
  FROM cycles c
  JOIN org_units pr ON pr.code = c.province_code
  LEFT JOIN plans pp ON pp.cycle_id = c.id AND pp.unit_code = c.province_code AND pp.kind = 'provincial'
  LEFT JOIN plan_versions pv ON pv.plan_id = pp.id AND pv.version = pp.version_in_force
  WHERE c.id = $1`;

/** The budget of the plans in force per focus task, with the task's title from the year's guidance. */
const RAW_BUDGET = `
  SELECT sums.focus_task_number, sums.budget, titles.title
  FROM (
    SELECT task.number::int AS focus_task_number, sum(item.budget::bigint) AS budget
    FROM plans p
    JOIN plan_versions v ON v.plan_id = p.id AND v.version = p.version_in_force
    CROSS JOIN LATERAL jsonb_to_recordset(v.items) AS item (budget jsonb, "focusTaskNumbers" jsonb)
    LEFT JOIN LATERAL jsonb_array_elements_text(
      CASE WHEN jsonb_typeof(item."focusTaskNumbers") = 'array' AND jsonb_array_length(item."focusTaskNumbers") > 0 THEN item."focusTaskNumbers" END
    ) AS task (number) ON true
    WHERE p.cycle_id = $1 AND p.kind = 'unit' AND jsonb_typeof(item.budget) = 'number'
    GROUP BY task.number::int
  ) AS sums
  LEFT JOIN LATERAL (
    SELECT focus ->> 'title' AS title FROM guidances g CROSS JOIN LATERAL jsonb_array_elements(g.focus_tasks) AS focus
    WHERE g.province_code = $2 AND g.plan_year = $3 AND (focus ->> 'number')::int = sums.focus_task_number
    ORDER BY g.issued_on DESC, g.recorded_at DESC LIMIT 1
  ) AS titles ON true
  ORDER BY sums.focus_task_number NULLS LAST`;

interface RawDashboard {
  units: Array<{ unit_code: string; stage: string; version_in_force: number | null; cells: Record<string, [string, string]> | null }>;
  totals: { overdue: number };
  budget: unknown[];
}

/** The same numbers as the dashboard, from the bench's own connection pool: three queries side by side, as the page's service runs its reads. */
async function rawDashboard(dataSource: DataSource, cycleId: string, province: CountryProvince, year: number): Promise<RawDashboard> {
  const now = new Date();
  const [units, [totals], budget] = (await Promise.all([
    dataSource.query(RAW_UNITS, [cycleId, now]),
    dataSource.query(RAW_TOTALS, [cycleId, now]),
    dataSource.query(RAW_BUDGET, [cycleId, province.provinceCode, year]),
  ])) as [RawDashboard['units'], Array<RawDashboard['totals']>, unknown[]];
  return { units, totals, budget };
}

/** The page's headline figures, which the raw side must match (ids in cycle-dashboard.view.ts). */
function headline(page: string): Record<string, number> {
  const figure = (id: string) => Number(new RegExp(`id="${id}">(\\d+)<`).exec(page)?.[1] ?? Number.NaN);
  return { units: figure('stat-units'), issued: figure('stat-issued'), overdueTasks: figure('stat-late-tasks'), lateReports: figure('stat-late-reports') };
}

function rawHeadline(raw: RawDashboard): Record<string, number> {
  return {
    units: raw.units.length,
    issued: raw.units.filter((unit) => unit.version_in_force !== null).length,
    overdueTasks: raw.totals.overdue,
    lateReports: raw.units.reduce((sum, unit) => sum + Object.values(unit.cells ?? {}).filter(([, state]) => state === 'late').length, 0),
  };
}

async function timed<T>(work: () => Promise<T>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

export interface DashboardResult {
  year: number;
  generationSeconds: number;
  rows: Record<string, number>;
  provinces: Array<{ provinceCode: string; units: number }>;
  measured: { provinceCode: string; cycleId: string; units: number; concurrency: number; pageBytes: number; figures: Record<string, number>; loadAverage: number[] };
  plancycle: Summary;
  raw: Summary;
  samples: { plancycle: number[]; raw: number[] };
}

/**
 * Dashboard (issue 9): p95 of the cycle dashboard page `/app/cycles/:id` (the web page is what
 * computes and shows the numbers; the API has no dashboard of its own) as the coordinator of the
 * country's largest province opens it, BENCH_DASHBOARD_REQUESTS times (default 200) four at a time,
 * against the minimal raw SQL for the same numbers. The country: BENCH_UNITS planning units
 * (default 4,400) over 34 provinces, each unit's plan with 40 rows and a year of reports.
 */
export const dashboardPart: BenchPart = {
  name: 'dashboard',
  async run(context) {
    const { stack } = context;
    const requests = positiveSetting('BENCH_DASHBOARD_REQUESTS', 200);
    const concurrency = 4;
    const generationStarted = Date.now();
    const provinces = await addCountry(stack.dataSource, { totalUnits: positiveSetting('BENCH_UNITS', 4_400) });
    const data = await addDashboardData(stack.dataSource, provinces, new Date());
    const generationSeconds = (Date.now() - generationStarted) / 1000;
    context.log(`dashboard data: ${provinces.reduce((sum, province) => sum + province.unitCodes.length, 0)} units in ${provinces.length} provinces, ${JSON.stringify(data.rows)} in ${generationSeconds.toFixed(1)} s`);

    // The largest province: its coordinator's page is the slowest one the country has.
    const province = provinces.reduce((largest, candidate) => (candidate.unitCodes.length > largest.unitCodes.length ? candidate : largest));
    const cycleId = cycleIdOf(province.provinceCode, data.year);
    const token = (await context.api.signIn([province.coordinator])).get(province.coordinator) as string;
    const openPage = async () => {
      const response = await fetch(`${stack.baseUrl}/app/cycles/${encodeURIComponent(cycleId)}`, { headers: { cookie: `pc_session=${token}`, accept: 'text/html' } });
      const page = await response.text();
      if (response.status !== 200) throw new Error(`The dashboard of ${cycleId} answered ${response.status}: ${page.slice(0, 300)}`);
      return page;
    };
    const raw = () => rawDashboard(stack.dataSource, cycleId, province, data.year);

    const page = await openPage();
    const figures = headline(page);
    const expected = rawHeadline(await raw());
    if (JSON.stringify(figures) !== JSON.stringify(expected)) throw new Error(`The page shows ${JSON.stringify(figures)}, the raw SQL computes ${JSON.stringify(expected)}.`);
    context.log(`dashboard of ${cycleId} (${province.unitCodes.length} units, ${page.length} characters): ${JSON.stringify(figures)}, as the raw SQL computes`);

    const warmUp = Array.from({ length: 20 });
    await inPool(warmUp, concurrency, () => openPage());
    await inPool(warmUp, concurrency, () => raw());
    // Both sides in turns of a tenth each, so a burst of load from elsewhere on the machine falls on both alike.
    const plancycleSamples: number[] = [];
    const rawSamples: number[] = [];
    // The machine's load while measuring: the API is one Node thread, so a busy machine shows on its side first.
    const loadBefore = loadavg()[0];
    for (let turn = 0; turn < 10; turn += 1) {
      const runs = Array.from({ length: Math.ceil(requests / 10) });
      plancycleSamples.push(...(await inPool(runs, concurrency, () => timed(openPage))));
      rawSamples.push(...(await inPool(runs, concurrency, () => timed(raw))));
    }
    const result: DashboardResult = {
      year: data.year,
      generationSeconds,
      rows: data.rows,
      provinces: provinces.map((each) => ({ provinceCode: each.provinceCode, units: each.unitCodes.length })),
      measured: { provinceCode: province.provinceCode, cycleId, units: province.unitCodes.length, concurrency, pageBytes: Buffer.byteLength(page), figures, loadAverage: [round(loadBefore), round(loadavg()[0])] },
      plancycle: summarize(plancycleSamples),
      raw: summarize(rawSamples),
      samples: { plancycle: plancycleSamples.map(round), raw: rawSamples.map(round) },
    };
    context.log(`dashboard: page p50 ${result.plancycle.p50} / p95 ${result.plancycle.p95} ms; raw SQL p50 ${result.raw.p50} / p95 ${result.raw.p95} ms (load average ${result.measured.loadAverage.join(' → ')})`);
    return { figures: dashboardFigures(result), details: result };
  },
};

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

function dashboardFigures(result: DashboardResult): Figure[] {
  const name = (p: string) => `dashboard p${p}, ${result.measured.units} units (${result.plancycle.count})`;
  const p95Ratio = ratio(result.plancycle.p95, result.raw.p95);
  return [
    { figure: name('50'), plancycle: result.plancycle.p50, raw: result.raw.p50, comparison: `${ratio(result.plancycle.p50, result.raw.p50)}×`, target: '', met: null },
    {
      figure: name('95'),
      plancycle: result.plancycle.p95,
      raw: result.raw.p95,
      comparison: `${p95Ratio}×`,
      target: '≤ 2× raw and ≤ 100 ms',
      met: p95Ratio <= 2 && result.plancycle.p95 <= 100,
    },
    { figure: name('99'), plancycle: result.plancycle.p99, raw: result.raw.p99, comparison: `${ratio(result.plancycle.p99, result.raw.p99)}×`, target: '', met: null },
  ];
}
