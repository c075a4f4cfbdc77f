import { Workbook } from 'exceljs';
import { FONT, THIN_BORDER, printOnA4Landscape } from './cells';

export interface ReportTableColumn {
  header: string;
  /** The key of the column's value in each row. */
  key: string;
  /** In characters; 18 when not given. */
  width?: number;
  /** An Excel number format, e.g. `#,##0` for đồng (shown `200.000.000` in a Vietnamese locale). */
  numFmt?: string;
}

export interface ReportTableInput {
  title: string;
  columns: readonly ReportTableColumn[];
  /** null or a missing key is an empty cell. */
  rows: ReadonlyArray<Record<string, string | number | null>>;
}

const HEADER_ROW = 2;

/**
 * A table of a cycle as a workbook (a report's items, the units' progress…): the title, a bold header
 * row that stays in view and repeats on every printed page, then one row per record.
 */
export async function reportTableWorkbook(input: ReportTableInput): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = 'PlanCycle';
  const sheet = workbook.addWorksheet('Báo cáo', { views: [{ state: 'frozen', ySplit: HEADER_ROW }] });
  const width = Math.max(input.columns.length, 1);
  sheet.columns = input.columns.map((column) => ({
    key: column.key,
    width: column.width ?? 18,
    style: { font: FONT, alignment: { vertical: 'top', wrapText: true }, numFmt: column.numFmt },
  }));

  sheet.mergeCells(1, 1, 1, width);
  const title = sheet.getCell(1, 1);
  title.value = input.title;
  title.font = { ...FONT, bold: true, size: 14 };
  title.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };

  const header = sheet.getRow(HEADER_ROW);
  header.values = input.columns.map((column) => column.header);
  header.eachCell((cell) => {
    cell.font = { ...FONT, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = THIN_BORDER;
  });

  for (const record of input.rows) {
    const row = sheet.addRow(input.columns.map((column) => record[column.key] ?? null));
    row.eachCell({ includeEmpty: true }, (cell) => (cell.border = THIN_BORDER));
  }

  if (input.columns.length > 0) sheet.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: HEADER_ROW, column: input.columns.length } };
  printOnA4Landscape(sheet, HEADER_ROW);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
