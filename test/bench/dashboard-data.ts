import { cycleIdOf, defaultCycleCalendar, vietnamDateOf, type CycleCalendar } from '@plancycle/domain';
import { WorkCalendarRepository } from '@plancycle/persistence';
import type { DataSource } from 'typeorm';
import type { CountryProvince } from './country';

/** What a unit's plan row says, in the words of the external-information plans the seeds copy. */
const ITEM_CONTENTS = [
  'Tổ chức hội nghị tuyên truyền về biên giới, biển đảo cho cán bộ, đảng viên và nhân dân tại 03 điểm',
  'Phân công, bố trí cán bộ phụ trách công tác thông tin đối ngoại của đơn vị',
  'Duy trì chuyên mục thông tin đối ngoại trên cổng thông tin điện tử của đơn vị',
  'Tuyên truyền trên hệ thống loa truyền thanh cơ sở về chủ quyền biển, đảo và phân giới cắm mốc',
  'Biên soạn, phát hành 2.000 tờ gấp giới thiệu tiềm năng, thế mạnh của địa phương bằng tiếng Anh',
  'Đón tiếp, cung cấp thông tin cho phóng viên báo chí nước ngoài đến tác nghiệp tại địa phương',
  'Tập huấn nghiệp vụ thông tin đối ngoại cho 120 cán bộ cấp xã',
  'Tổ chức giao lưu hữu nghị nhân dân hai bên biên giới nhân dịp Tết Nguyên đán',
  'Cập nhật thông tin đối ngoại lên trang thông tin điện tử tổng hợp và mạng xã hội của đơn vị',
  'Phối hợp sản xuất phóng sự truyền hình quảng bá hình ảnh địa phương với bạn bè quốc tế',
  'Thông tin về các hoạt động kinh tế đối ngoại, thu hút đầu tư và xúc tiến thương mại',
  'Phản bác các thông tin sai lệch, xuyên tạc về tình hình địa phương trên không gian mạng',
];

const ACHIEVED = ['Đã tổ chức theo kế hoạch', 'Đang triển khai, đạt khoảng một nửa chỉ tiêu', 'Chưa triển khai do chờ kinh phí'];

const FOCUS_TASKS = [
  { number: 1, title: 'Phân công, bố trí cán bộ phụ trách công tác thông tin đối ngoại' },
  { number: 2, title: 'Tuyên truyền biển, đảo, phân giới cắm mốc và khu vực biên giới' },
  { number: 3, title: 'Quảng bá hình ảnh địa phương, thu hút đầu tư nước ngoài' },
  { number: 4, title: 'Thông tin đối ngoại trên không gian mạng' },
  { number: 5, title: 'Đấu tranh phản bác thông tin sai lệch' },
];

/** The dashboard's data of the country: one cycle per province, `year`, every unit's plan issued, a year of reports. */
export interface DashboardData {
  year: number;
  provinces: CountryProvince[];
  /** Rows written per table, for the report. */
  rows: Record<string, number>;
}

/**
 * A running cycle of this year in every province, written straight into the tables the dashboard
 * reads (no workflow runs for it, so nothing fires): every unit's plan issued with 40 rows (3 in 100
 * drafting an amendment), and its reports as of today under the default calendar. Reports past due
 * are mostly accepted (some sent late, some still in review or being written, their tasks overdue);
 * the fourth quarter's are being written, opened a few weeks before their workflow would open them
 * so the year has its four quarters. Done tasks of the plans and reports are there too, as the
 * tasks table of a real year holds them.
 */
export async function addDashboardData(dataSource: DataSource, provinces: CountryProvince[], now: Date): Promise<DashboardData> {
  const year = Number(vietnamDateOf(now.toISOString()).slice(0, 4));
  const days = await new WorkCalendarRepository(dataSource).workCalendarFor([year - 1, year, year + 1]);
  const calendar = defaultCycleCalendar(year, days);
  const cycleIds = provinces.map((province) => cycleIdOf(province.provinceCode, year));
  const [{ count }] = (await dataSource.query(`SELECT count(*)::int AS count FROM cycles WHERE id = ANY ($1::text[])`, [cycleIds])) as Array<{ count: number }>;
  if (count > 0) throw new Error(`The dashboard's cycles of ${year} are there already (${count}); the benchmark writes them once, in a fresh database.`);

  const slots = reportSlots(calendar);
  const slotTable = `unnest($2::text[], $3::text[], $4::int[], $5::timestamptz[], $6::timestamptz[], $7::timestamptz[]) AS s (id, kind, quarter, opens_at, due_at, review_due_at)`;
  const slotParameters = [slots.map((slot) => slot.id), slots.map((slot) => slot.kind), slots.map((slot) => slot.quarter), slots.map((slot) => slot.opensAt), slots.map((slot) => slot.dueAt), slots.map((slot) => slot.reviewDueAt)];
  // A stable pseudo-random bucket 0..99 of a text: the same data on every run.
  const bucket = (text: string) => `(abs(hashtext(${text})) % 100)`;

  await dataSource.transaction(async (manager) => {
    await manager.query(
      `INSERT INTO cycles (id, province_code, year, workflow_id, stage, calendar, sequence, started_at)
       SELECT code || '-' || $2::int, code, $2::int, 'annual-cycle/' || code || '-' || $2::int, 'running', $3::jsonb, 1, $4
       FROM unnest($1::text[]) AS province (code)`,
      [provinces.map((province) => province.provinceCode), year, JSON.stringify(calendar), `${year - 1}-12-01T02:00:00Z`],
    );
    await manager.query(
      `INSERT INTO guidances (province_code, document_number, issued_on, issuer, subject, plan_year, focus_tasks)
       SELECT code, $2::int || '/BVHTTDL-TTĐN', make_date($2::int - 1, 12, 4), 'Bộ Văn hóa, Thể thao và Du lịch',
              'V/v hướng dẫn xây dựng kế hoạch công tác thông tin đối ngoại năm ' || $2::int, $2::int, $3::jsonb
       FROM unnest($1::text[]) AS province (code)
       ON CONFLICT DO NOTHING`,
      [provinces.map((province) => province.provinceCode), year, JSON.stringify(FOCUS_TASKS)],
    );
    const participants = provinces.flatMap((province) => province.unitCodes.map((unitCode) => [cycleIdOf(province.provinceCode, year), unitCode, province.coordinatorCode]));
    await manager.query(
      `INSERT INTO cycle_units (cycle_id, unit_code, stage, workflow_id, sequence)
       SELECT cycle_id, unit_code, CASE WHEN ${bucket(`unit_code || '|amend'`)} < 3 THEN 'drafting' ELSE 'issued' END,
              'annual-cycle/' || cycle_id || '/unit/' || unit_code, 12
       FROM unnest($1::text[], $2::text[]) AS participant (cycle_id, unit_code)`,
      [participants.map((row) => row[0]), participants.map((row) => row[1])],
    );
    await manager.query(
      `INSERT INTO plans (cycle_id, unit_code, kind, stage, sequence, workflow_id)
       SELECT id, province_code, 'provincial', 'issued', 8, workflow_id || '/provincial-plan' FROM cycles WHERE id = ANY ($1::text[])
       UNION ALL
       SELECT cycle_id, unit_code, 'unit', stage, 12, workflow_id FROM cycle_units WHERE cycle_id = ANY ($1::text[])`,
      [cycleIds],
    );
    // Forty rows per plan, built in the database: content, lead and coordinating units, time frame, budget, focus task.
    await manager.query(
      `INSERT INTO plan_versions (plan_id, version, items, state, submitted_at, document_number, issued_on)
       SELECT p.id, 1,
              (SELECT jsonb_agg(jsonb_build_object(
                        'id', 'item-' || n,
                        'content', ($3::text[])[1 + (n + ${bucket('p.unit_code')}) % cardinality($3::text[])],
                        'leadUnitCode', p.unit_code,
                        'coordinatingUnitCodes', CASE WHEN n % 3 = 0 AND p.unit_code <> c.coordinator THEN jsonb_build_array(c.coordinator) ELSE '[]'::jsonb END,
                        'timeFrame', CASE n % 4 WHEN 0 THEN jsonb_build_object('kind', 'regular')
                                                WHEN 1 THEN jsonb_build_object('kind', 'year', 'year', $2::int)
                                                ELSE jsonb_build_object('kind', 'quarter', 'year', $2::int, 'quarter', 1 + n % 4) END,
                        'budget', CASE WHEN n % 5 = 0 THEN NULL ELSE (5 + ${bucket(`p.unit_code || n`)}) * 1000000 END,
                        'focusTaskNumbers', jsonb_build_array(1 + n % 5),
                        'sourceItemId', NULL) ORDER BY n)
               FROM generate_series(1, 40) AS n),
              'issued', make_date($2::int, 3, 1),
              (row_number() OVER (PARTITION BY p.cycle_id ORDER BY p.unit_code)) || '/' || coalesce(u.settings ->> 'documentSymbol', 'KH-UBND'),
              make_date($2::int, 3, 2) + ${bucket('p.unit_code')} % 13
       FROM plans p
       JOIN org_units u ON u.code = p.unit_code
       JOIN unnest($1::text[], $4::text[]) AS c (cycle_id, coordinator) ON c.cycle_id = p.cycle_id`,
      [cycleIds, year, ITEM_CONTENTS, provinces.map((province) => province.coordinatorCode)],
    );
    await manager.query(`UPDATE plans SET version_in_force = 1 WHERE cycle_id = ANY ($1::text[])`, [cycleIds]);
    await manager.query(
      `INSERT INTO plan_versions (plan_id, version, items, state)
       SELECT v.plan_id, 2, v.items, 'draft' FROM plan_versions v JOIN plans p ON p.id = v.plan_id
       WHERE p.cycle_id = ANY ($1::text[]) AND p.stage = 'drafting'`,
      [cycleIds],
    );
    await manager.query(
      `INSERT INTO reports (workflow_id, cycle_id, unit_code, plan_id, plan_version, kind, quarter, stage, content, due_at, sequence, submitted_at, accepted_at, created_at)
       SELECT workflow_id, cycle_id, unit_code, plan_id, 1, kind, quarter, stage,
              jsonb_build_object(
                'summary', 'Báo cáo kết quả thực hiện công tác thông tin đối ngoại của ' || unit_code || (CASE WHEN quarter IS NULL THEN ' năm ' ELSE ' quý ' || quarter || '/' END) || $9::int,
                'lines', (SELECT jsonb_agg(jsonb_build_object(
                                   'itemId', 'item-' || n,
                                   'content', ($8::text[])[1 + (n + ${bucket('unit_code')}) % cardinality($8::text[])],
                                   'status', (ARRAY['done', 'in_progress', 'not_started'])[1 + (n + b) % 3],
                                   'achieved', ($10::text[])[1 + (n + b) % 3],
                                   'spent', CASE WHEN n % 5 = 0 THEN NULL ELSE (n + b) * 100000 END) ORDER BY n)
                          FROM generate_series(1, 40) AS n)),
              due_at, CASE stage WHEN 'accepted' THEN 3 WHEN 'review' THEN 2 ELSE 1 END, submitted_at,
              CASE WHEN stage = 'accepted' THEN submitted_at + (1 + b % 3) * interval '1 day' END, least(opens_at, $1)
       FROM (
         SELECT *, CASE WHEN stage = 'writing' THEN NULL
                        WHEN b BETWEEN 80 AND 85 THEN due_at + (1 + b % 4) * interval '1 day'
                        ELSE due_at - (b % 6) * interval '1 day' - interval '5 hours' END AS submitted_at
         FROM (
           SELECT p.workflow_id || '/report/' || s.id AS workflow_id, p.cycle_id, p.unit_code, p.id AS plan_id, s.*, b,
                  CASE WHEN s.due_at > $1 THEN 'writing' WHEN b < 86 THEN 'accepted' WHEN b < 93 THEN 'review' ELSE 'writing' END AS stage
           FROM plans p CROSS JOIN ${slotTable}
           CROSS JOIN LATERAL (SELECT ${bucket(`p.unit_code || s.id`)} AS b) AS hashed
           WHERE p.kind = 'unit' AND p.cycle_id = ANY ($11::text[])
         ) AS staged
       ) AS dated`,
      [now, ...slotParameters, ITEM_CONTENTS, year, ACHIEVED, cycleIds],
    );
    // The plan's own decisions (done), then each report's writing and review, open where the report waits for one.
    await manager.query(
      `INSERT INTO tasks (key, plan_id, workflow_id, kind, assignee_unit_code, assignee_role, due_at, state, opened_at, closed_at)
       SELECT p.workflow_id || '/task/' || step, p.id, p.workflow_id, task_kind, p.unit_code, role, due_at, 'done', due_at - interval '20 days', due_at - interval '2 days'
       FROM plans p CROSS JOIN (VALUES (1, 'draft', 'officer', $2::timestamptz), (2, 'approve', 'approver', $3::timestamptz)) AS steps (step, task_kind, role, due_at)
       WHERE p.cycle_id = ANY ($1::text[]) AND p.kind = 'unit'
       UNION ALL
       SELECT p.workflow_id || '/task/3', p.id, p.workflow_id, 'amend', p.unit_code, 'officer', $4::timestamptz + interval '10 days', 'open', $4::timestamptz - interval '3 days', NULL
       FROM plans p WHERE p.cycle_id = ANY ($1::text[]) AND p.stage = 'drafting'`,
      [cycleIds, calendar.unitPlanDraftDue, calendar.unitPlanIssueDue, now],
    );
    await manager.query(
      `INSERT INTO tasks (key, plan_id, report_id, workflow_id, kind, assignee_unit_code, assignee_role, due_at, state, opened_at, closed_at)
       SELECT r.workflow_id || '/task/1', r.plan_id, r.id, r.workflow_id, 'report', r.unit_code, 'officer', r.due_at,
              CASE WHEN r.stage = 'writing' THEN 'open' ELSE 'done' END, r.created_at, r.submitted_at
       FROM reports r WHERE r.cycle_id = ANY ($1::text[])
       UNION ALL
       SELECT r.workflow_id || '/task/2', r.plan_id, r.id, r.workflow_id, 'review_report', r.unit_code, 'leader_in_charge', s.review_due_at,
              CASE WHEN r.stage = 'review' THEN 'open' ELSE 'done' END, r.submitted_at, r.accepted_at
       FROM reports r JOIN ${slotTable} ON s.kind = r.kind AND s.quarter IS NOT DISTINCT FROM r.quarter
       WHERE r.cycle_id = ANY ($1::text[]) AND r.stage <> 'writing'`,
      [cycleIds, ...slotParameters],
    );
  });
  await dataSource.query('ANALYZE');
  const [rows] = (await dataSource.query(
    `SELECT (SELECT count(*)::int FROM cycle_units WHERE cycle_id = ANY ($1::text[])) AS cycle_units,
            (SELECT count(*)::int FROM plan_versions v JOIN plans p ON p.id = v.plan_id WHERE p.cycle_id = ANY ($1::text[])) AS plan_versions,
            (SELECT count(*)::int FROM reports WHERE cycle_id = ANY ($1::text[])) AS reports,
            (SELECT count(*)::int FROM tasks t JOIN plans p ON p.id = t.plan_id WHERE p.cycle_id = ANY ($1::text[])) AS tasks,
            (SELECT count(*)::int FROM tasks t JOIN plans p ON p.id = t.plan_id WHERE p.cycle_id = ANY ($1::text[]) AND t.state = 'open' AND t.due_at < $2) AS overdue_tasks`,
    [cycleIds, now],
  )) as Array<Record<string, number>>;
  return { year, provinces, rows };
}

interface ReportSlot {
  id: string;
  kind: 'quarterly' | 'annual';
  quarter: number | null;
  opensAt: string;
  dueAt: string;
  reviewDueAt: string;
}

function reportSlots(calendar: CycleCalendar): ReportSlot[] {
  const quarters = calendar.quarterlyReports.map((window) => ({ id: `q${window.quarter}`, kind: 'quarterly' as const, quarter: window.quarter, window }));
  return [...quarters, { id: 'annual', kind: 'annual' as const, quarter: null, window: calendar.annualReport }].map((slot) => ({
    id: slot.id,
    kind: slot.kind,
    quarter: slot.quarter,
    // The annual report opens with the third quarter's (see defaultCycleCalendar).
    opensAt: slot.window.opensAt ?? calendar.quarterlyReports[2].opensAt ?? slot.window.periodEnd,
    dueAt: slot.window.unitDue,
    reviewDueAt: slot.window.coordinatorDue,
  }));
}
