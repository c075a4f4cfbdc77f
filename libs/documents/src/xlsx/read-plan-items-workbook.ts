import { isValidBudget, parseVndAmount, validatePlanItems, type PlanItem } from '@plancycle/domain';
import { Workbook, type Cell, type Row, type Worksheet } from 'exceljs';
import { cellNumber, cellText, looseKey } from './cells';
import { readTimeFrameText } from './time-frame-text';
import { UnitNames, type UnitRef } from './unit-names';

export interface PlanItemsImportOptions {
  /** The plan's year: every time frame must fall in it. */
  cycleYear: number;
  /** The province's units; cells may name them (`Sở Thông tin và Truyền thông`) or give their codes. */
  units: readonly UnitRef[];
}

/**
 * One thing wrong with the file, at its Excel row (0 for the file as a whole). `code` is stable:
 * XLSX_FILE_INVALID, XLSX_HEADER_NOT_FOUND, XLSX_NO_ITEMS, XLSX_CONTENT_MISSING, XLSX_LEAD_UNIT_MISSING,
 * XLSX_UNIT_UNKNOWN, XLSX_TIME_FRAME_INVALID, XLSX_BUDGET_INVALID, or a PLAN_ITEM_* code of the
 * domain's validatePlanItems. `message` is Vietnamese and starts with the row (`Dòng 7: …`).
 */
export interface PlanItemsImportProblem {
  row: number;
  field: string;
  code: string;
  message: string;
}

export interface PlanItemsImport {
  items: PlanItem[];
  problems: PlanItemsImportProblem[];
}

type Column = 'stt' | 'content' | 'lead' | 'coordinating' | 'timeFrame' | 'budget';

/** Header titles, compared loosely (see looseKey): `Stt`/`STT`, `Cơ quan phối hợp thực hiện`, `Kinh phí (đồng)`… */
const HEADERS: Record<Column, RegExp> = {
  stt: /^(?:stt|so tt|tt)$/,
  content: /^(?:noi dung|nhiem vu)/,
  lead: /^(?:co quan|don vi) chu tri/,
  coordinating: /^(?:co quan|don vi) phoi hop/,
  timeFrame: /^thoi gian/,
  budget: /^kinh phi/,
};
const REQUIRED: Column[] = ['content', 'lead', 'timeFrame'];

/** A row of the table as typed, before it is read into a PlanItem. */
interface RawRow {
  row: number;
  content: string;
  lead: string;
  coordinating: string;
  timeFrame: string;
  budget: Cell | undefined;
}

/**
 * Reads plan items from a sheet shaped like the appendix of seed 002: the header row is found by its
 * Vietnamese titles, then every row is read until `Tổng cộng` or the end of the sheet. Items get the
 * ids '1', '2', … of their place in the table.
 *
 * The import is all or nothing: **when `problems` is not empty the caller must save nothing** and
 * show the problems (each names its Excel row) so the official can correct the file and send it again.
 * `items` then holds only the rows that were read cleanly, for a preview; it is never a plan to keep.
 *
 * A row whose Stt, lead unit, time frame and budget are all empty continues the row above it (a long
 * content or list of units split over two rows, as a PDF converted to Excel has them).
 */
export async function readPlanItemsWorkbook(buffer: Buffer, options: PlanItemsImportOptions): Promise<PlanItemsImport> {
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    return fileProblem('XLSX_FILE_INVALID', 'Tệp không phải là bảng tính Excel (.xlsx) hoặc đã bị hỏng; hãy lưu lại bảng dưới dạng .xlsx rồi gửi lại.');
  }
  const table = findTable(workbook);
  if (!table) {
    return fileProblem(
      'XLSX_HEADER_NOT_FOUND',
      'Không tìm thấy dòng tiêu đề của bảng; bảng cần các cột "Nội dung", "Cơ quan chủ trì" và "Thời gian thực hiện" (như phụ lục kế hoạch).',
    );
  }
  const rows = readRows(table.sheet, table.headerRow, table.columns);
  if (rows.length === 0) return fileProblem('XLSX_NO_ITEMS', 'Bảng không có dòng nhiệm vụ nào dưới dòng tiêu đề.');

  const units = new UnitNames(options.units);
  const problems: PlanItemsImportProblem[] = [];
  const items: PlanItem[] = [];
  const itemRows: number[] = [];
  rows.forEach((raw, index) => {
    const read = readItem(raw, String(index + 1), units, options.cycleYear);
    if ('problems' in read) problems.push(...read.problems);
    else {
      items.push(read.item);
      itemRows.push(raw.row);
    }
  });

  const context = { cycleYear: options.cycleYear, unitCodes: new Set(options.units.map((unit) => unit.code)), focusTaskNumbers: new Set<number>() };
  for (const problem of validatePlanItems(items, context)) {
    const [, index, field] = /^items\[(\d+)\]\.(.+)$/.exec(problem.field ?? '') ?? [];
    const row = index === undefined ? 0 : itemRows[Number(index)];
    problems.push({ row, field: field ?? problem.field ?? '', code: problem.code, message: `Dòng ${row}: ${problem.message.replace(/^Dòng \d+: /, '')}` });
  }
  problems.sort((a, b) => a.row - b.row);
  return { items, problems };
}

function fileProblem(code: string, message: string): PlanItemsImport {
  return { items: [], problems: [{ row: 0, field: 'file', code, message }] };
}

function findTable(workbook: Workbook): { sheet: Worksheet; headerRow: number; columns: Partial<Record<Column, number>> } | undefined {
  for (const sheet of workbook.worksheets) {
    for (let row = 1; row <= Math.min(sheet.rowCount, 50); row += 1) {
      const columns = headerColumns(sheet.getRow(row));
      if (REQUIRED.every((column) => columns[column] !== undefined)) return { sheet, headerRow: row, columns };
    }
  }
  return undefined;
}

function headerColumns(row: Row): Partial<Record<Column, number>> {
  const columns: Partial<Record<Column, number>> = {};
  row.eachCell((cell, column) => {
    const key = looseKey(cellText(cell));
    for (const [name, pattern] of Object.entries(HEADERS) as Array<[Column, RegExp]>) {
      if (columns[name] === undefined && pattern.test(key)) columns[name] = column;
    }
  });
  return columns;
}

function readRows(sheet: Worksheet, headerRow: number, columns: Partial<Record<Column, number>>): RawRow[] {
  const rows: RawRow[] = [];
  for (let number = headerRow + 1; number <= sheet.rowCount; number += 1) {
    const row = sheet.getRow(number);
    const text = (column: Column) => (columns[column] === undefined ? '' : cellText(row.getCell(columns[column])));
    const budget = columns.budget === undefined ? undefined : row.getCell(columns.budget);
    const stt = text('stt');
    const firstWords = looseKey(`${stt} ${text('content')}`);
    if (firstWords.startsWith('tong cong') || firstWords.startsWith('bang chu')) break;

    const raw: RawRow = { row: number, content: text('content'), lead: text('lead'), coordinating: text('coordinating'), timeFrame: text('timeFrame'), budget };
    const budgetText = budget ? cellText(budget) : '';
    if (!stt && !raw.content && !raw.lead && !raw.coordinating && !raw.timeFrame && !budgetText) continue;
    const previous = rows[rows.length - 1];
    if (previous && !stt && !raw.lead && !raw.timeFrame && !budgetText) {
      previous.content = `${previous.content} ${raw.content}`.trim();
      previous.coordinating = `${previous.coordinating} ${raw.coordinating}`.trim();
      continue;
    }
    rows.push(raw);
  }
  return rows;
}

function readItem(raw: RawRow, id: string, units: UnitNames, cycleYear: number): { item: PlanItem } | { problems: PlanItemsImportProblem[] } {
  const problems: PlanItemsImportProblem[] = [];
  const problem = (field: string, code: string, message: string) => problems.push({ row: raw.row, field, code, message: `Dòng ${raw.row}: ${message}` });

  const content = raw.content.replace(/\s+/g, ' ').trim();
  if (!content) problem('content', 'XLSX_CONTENT_MISSING', 'chưa có nội dung.');

  const lead = units.find(raw.lead);
  if (!raw.lead) problem('leadUnitCode', 'XLSX_LEAD_UNIT_MISSING', 'chưa ghi cơ quan chủ trì.');
  else if (!lead) problem('leadUnitCode', 'XLSX_UNIT_UNKNOWN', `không có cơ quan chủ trì "${raw.lead}" trong danh sách đơn vị của tỉnh.`);

  const coordinating = units.findAll(raw.coordinating);
  if (coordinating.unknown.length > 0) {
    const names = coordinating.unknown.map((name) => `"${name}"`).join(', ');
    problem('coordinatingUnitCodes', 'XLSX_UNIT_UNKNOWN', `không có cơ quan phối hợp ${names} trong danh sách đơn vị của tỉnh; hãy ghi đúng tên đơn vị, cách nhau bằng dấu ";".`);
  }

  const time = readTimeFrameText(raw.timeFrame, cycleYear);
  if ('error' in time) problem('timeFrame', 'XLSX_TIME_FRAME_INVALID', time.error);

  const budget = readBudget(raw.budget);
  if (typeof budget === 'string') problem('budget', 'XLSX_BUDGET_INVALID', budget);

  if (problems.length > 0 || !lead || 'error' in time || typeof budget === 'string') return { problems };
  return {
    item: {
      id,
      content,
      leadUnitCode: lead.code,
      coordinatingUnitCodes: coordinating.units.map((unit) => unit.code),
      timeFrame: time.frame,
      budget,
      focusTaskNumbers: [],
      sourceItemId: null,
    },
  };
}

/** A budget cell: a number, text such as `200.000.000` or `200.000.000đ`, or empty. A string is the error. */
function readBudget(cell: Cell | undefined): number | null | string {
  if (!cell) return null;
  const number = cellNumber(cell);
  if (number !== undefined) {
    return isValidBudget(number) ? number : `kinh phí "${cellText(cell)}" phải là số đồng nguyên, không âm.`;
  }
  const text = cellText(cell);
  const amount = parseVndAmount(text.replace(/\s*(?:đồng|vnđ|vnd|đ)\.?$/i, ''));
  if (amount === 'negative') return `kinh phí "${text}" không được âm.`;
  if (amount === 'invalid') return `không đọc được kinh phí "${text}"; hãy ghi số đồng như 200.000.000 hoặc để trống.`;
  return amount;
}
