import type { DataSource, EntityManager } from 'typeorm';
import { isUuid } from '../is-uuid';
import type { FocusTask, GuidanceInput, Instant, LocalDate } from '@plancycle/domain';

export interface GuidanceRecord extends GuidanceInput {
  id: string;
  recordedBy: string | null;
  recordedAt: Instant;
}

interface GuidanceRow {
  id: string;
  province_code: string;
  document_number: string;
  issued_on: LocalDate;
  issuer: string;
  subject: string;
  plan_year: number;
  focus_tasks: FocusTask[];
  recorded_by: string | null;
  recorded_at: Date;
}

// to_char, not the driver's date parsing: a JS Date would carry the server's time zone into the day.
const SELECT = `SELECT id, province_code, document_number, to_char(issued_on, 'YYYY-MM-DD') AS issued_on, issuer, subject,
                       plan_year, focus_tasks, recorded_by, recorded_at
                FROM guidances`;

export class GuidanceRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** Null when the province already recorded a letter with that number (nothing is written then). */
  async record(input: GuidanceInput, recordedBy: string | null): Promise<GuidanceRecord | null> {
    const [row] = (await this.db.query(
      `INSERT INTO guidances (province_code, document_number, issued_on, issuer, subject, plan_year, focus_tasks, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8)
       ON CONFLICT ON CONSTRAINT guidances_province_number_key DO NOTHING
       RETURNING id`,
      [
        input.provinceCode,
        input.documentNumber,
        input.issuedOn,
        input.issuer.trim(),
        input.subject.trim(),
        input.planYear,
        JSON.stringify(input.focusTasks.map((task) => ({ number: task.number, title: task.title.trim() }))),
        recordedBy,
      ],
    )) as Array<{ id: string }>;
    return row ? this.findById(row.id) : null;
  }

  async findById(id: string): Promise<GuidanceRecord | null> {
    if (!isUuid(id)) return null;
    const [row] = (await this.db.query(`${SELECT} WHERE id = $1`, [id])) as GuidanceRow[];
    return row ? toRecord(row) : null;
  }

  /** Newest letter first. */
  async listForProvince(provinceCode: string, planYear?: number): Promise<GuidanceRecord[]> {
    const rows = (await this.db.query(
      `${SELECT} WHERE province_code = $1 AND ($2::int IS NULL OR plan_year = $2) ORDER BY issued_on DESC, recorded_at DESC`,
      [provinceCode, planYear ?? null],
    )) as GuidanceRow[];
    return rows.map(toRecord);
  }
}

function toRecord(row: GuidanceRow): GuidanceRecord {
  return {
    id: row.id,
    provinceCode: row.province_code,
    documentNumber: row.document_number,
    issuedOn: row.issued_on,
    issuer: row.issuer,
    subject: row.subject,
    planYear: row.plan_year,
    focusTasks: row.focus_tasks,
    recordedBy: row.recorded_by,
    recordedAt: row.recorded_at.toISOString(),
  };
}
