import { defaultCycleCalendar, workCalendar } from '@plancycle/domain';
import type { CycleRecord } from '@plancycle/persistence';
import type { WebContext } from '../../session/web-context';
import { onTimeByQuarter, reportCellState, type CycleDashboard, type ReportState } from '../cycle-dashboard.model';
import { cycleDashboardPage } from '../cycle-dashboard.view';
import { csvCell, csvOf } from '../unit-table.csv';

const NOW = Date.parse('2095-05-01T00:00:00Z');
const report = (changes: Partial<ReportState>): ReportState => ({
  id: 'r',
  unitCode: 'GL.SNGV',
  kind: 'quarterly',
  quarter: 1,
  stage: 'writing',
  dueAt: '2095-04-15T16:59:59.999Z',
  submittedAt: null,
  acceptedAt: null,
  ...changes,
});

describe('a report’s cell on the dashboard', () => {
  it('is late once past due and not accepted, even when sent', () => {
    expect(reportCellState(report({}), NOW)).toBe('late');
    expect(reportCellState(report({ stage: 'review', submittedAt: '2095-04-20T00:00:00Z' }), NOW)).toBe('late');
    expect(reportCellState(report({ stage: 'accepted' }), NOW)).toBe('accepted');
  });

  it('is open or sent before its due date, and absent before it opens', () => {
    const later = '2095-07-15T16:59:59.999Z';
    expect(reportCellState(report({ dueAt: later }), NOW)).toBe('open');
    expect(reportCellState(report({ dueAt: later, stage: 'review' }), NOW)).toBe('submitted');
    expect(reportCellState(undefined, NOW)).toBe('none');
  });
});

describe('the on-time rate of a quarter', () => {
  it('counts the reports sent and the ones past due unsent, and leaves out those still in time', () => {
    const rates = onTimeByQuarter(
      [
        report({ submittedAt: '2095-04-10T00:00:00Z' }),
        report({ submittedAt: '2095-04-20T00:00:00Z' }),
        report({}),
        report({ quarter: 2, dueAt: '2095-07-15T00:00:00Z' }),
      ],
      NOW,
    );
    expect(rates).toEqual([
      { quarter: 1, onTime: 1, counted: 3 },
      { quarter: 2, onTime: 0, counted: 0 },
      { quarter: 3, onTime: 0, counted: 0 },
      { quarter: 4, onTime: 0, counted: 0 },
    ]);
  });
});

describe('the CSV export', () => {
  it('quotes cells with commas, quotes and line breaks, and defuses formulas', () => {
    expect(csvCell('Sở Văn hóa, Thể thao và Du lịch')).toBe('"Sở Văn hóa, Thể thao và Du lịch"');
    expect(csvCell('Báo "Gia Lai"')).toBe('"Báo ""Gia Lai"""');
    expect(csvCell('hai\ndòng')).toBe('"hai\ndòng"');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell(null)).toBe('');
  });

  it('starts with a byte order mark and ends every line with CRLF', () => {
    expect(csvOf([['a', 'b'], ['c', 'd']])).toBe('\uFEFFa,b\r\nc,d\r\n');
  });
});

describe('the dashboard of a cycle that is starting', () => {
  it('shows how many units are up, for the script to follow and for readers without it', () => {
    const calendar = defaultCycleCalendar(2095, workCalendar());
    const cycle = { id: 'GL-2095', provinceCode: 'GL', provinceName: 'Ủy ban nhân dân tỉnh Gia Lai', year: 2095, stage: 'running', calendar, units: [] } as unknown as CycleRecord;
    const dashboard: CycleDashboard = {
      cycle,
      provincialPlan: null,
      units: [],
      overdueTasks: 0,
      onTime: onTimeByQuarter([], NOW),
      budget: [],
      progress: { expectedUnits: 22, unitsUp: 5, stage: 'starting' },
      now: NOW,
    };
    const context: WebContext = { user: { id: 'u', username: 'dieuphoi.gl', fullName: 'Trần Minh Tuấn', roles: [] }, locale: 'vi', csrfToken: 't', path: '/app/cycles/GL-2095' };

    const page = cycleDashboardPage(context, dashboard, null);

    expect(page).toContain('data-live-progress="/app/cycles/GL-2095/progress.json"');
    expect(page).toContain('<progress id="units-up" max="22" value="5"');
    expect(page).toMatch(/<p aria-live="polite" data-progress-text>5 \/ 22 đơn vị đã sẵn sàng<\/p>/);
  });
});
