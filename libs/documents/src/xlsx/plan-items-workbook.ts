import { planBudgetTotal, timeFrameLabel, vndInWords, type PlanItem } from '@plancycle/domain';
import { Workbook } from 'exceljs';
import { FONT, THIN_BORDER, printOnA4Landscape } from './cells';

export interface PlanItemsWorkbookInput {
  /** The appendix's title, e.g. `Danh mục nhiệm vụ hoạt động thông tin đối ngoại năm 2020`. */
  title: string;
  /** The unit whose plan this is, e.g. `Sở Thông tin và Truyền thông Trà Vinh`. */
  unitName: string;
  year: number;
  items: readonly PlanItem[];
  /** Unit names by code; a code missing here is printed as the code itself. */
  unitNames: ReadonlyMap<string, string>;
}

/** The columns of the appendix table of seed 002, in its order. */
export const PLAN_ITEM_HEADERS = ['Stt', 'Nội dung', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian thực hiện', 'Kinh phí (đồng)'] as const;
const WIDTHS = [6, 60, 28, 40, 20, 18];
const HEADER_ROW = 5;
export const VND_FORMAT = '#,##0';

/**
 * The plan's items as the appendix of seed 002 prints them: title rows, the table with one row per
 * item, `Tổng cộng:` with a SUM formula (its value cached, so readers that do not calculate see the
 * total too) and the total in words. Budgets are numbers formatted `#,##0`, which Excel shows as
 * `200.000.000` in a Vietnamese locale.
 */
export async function planItemsWorkbook(input: PlanItemsWorkbookInput): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = 'PlanCycle';
  const sheet = workbook.addWorksheet('Phụ lục', { views: [{ state: 'frozen', ySplit: HEADER_ROW }] });
  sheet.columns = WIDTHS.map((width) => ({ width, style: { font: FONT, alignment: { vertical: 'top', wrapText: true } } }));

  const banner = (row: number, text: string, style: { bold?: boolean; italic?: boolean; align?: 'center' | 'right' | 'left' }) => {
    sheet.mergeCells(row, 1, row, WIDTHS.length);
    const cell = sheet.getCell(row, 1);
    cell.value = text;
    cell.font = { ...FONT, bold: style.bold, italic: style.italic };
    cell.alignment = { horizontal: style.align ?? 'center', vertical: 'middle', wrapText: true };
  };
  banner(1, 'PHỤ LỤC', { bold: true });
  banner(2, input.title, { bold: true });
  banner(3, `(Kèm theo Kế hoạch năm ${input.year} của ${input.unitName})`, { italic: true });
  banner(4, 'Đơn vị tính: Việt Nam đồng', { italic: true, align: 'right' });

  const header = sheet.getRow(HEADER_ROW);
  header.values = [...PLAN_ITEM_HEADERS];
  header.eachCell((cell) => {
    cell.font = { ...FONT, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = THIN_BORDER;
  });

  const unitName = (code: string) => input.unitNames.get(code) ?? code;
  input.items.forEach((item, index) => {
    const row = sheet.getRow(HEADER_ROW + 1 + index);
    row.values = [
      index + 1,
      item.content,
      unitName(item.leadUnitCode),
      // `;` rather than `,`: unit names hold commas (`Sở Văn hóa, Thể thao và Du lịch`), as seed 002's body separates them.
      item.coordinatingUnitCodes.map(unitName).join('; '),
      timeFrameLabel(item.timeFrame),
      item.budget ?? null,
    ];
    row.getCell(1).numFmt = '00';
    row.getCell(1).alignment = { horizontal: 'center', vertical: 'top' };
    row.getCell(5).alignment = { horizontal: 'center', vertical: 'top', wrapText: true };
    row.getCell(6).numFmt = VND_FORMAT;
    row.getCell(6).alignment = { horizontal: 'right', vertical: 'top' };
    for (let column = 1; column <= WIDTHS.length; column += 1) row.getCell(column).border = THIN_BORDER;
  });

  const total = planBudgetTotal(input.items);
  const first = HEADER_ROW + 1;
  const last = HEADER_ROW + input.items.length;
  const totalRow = last + 1;
  sheet.mergeCells(totalRow, 1, totalRow, WIDTHS.length - 1);
  const totalLabel = sheet.getCell(totalRow, 1);
  totalLabel.value = 'Tổng cộng:';
  totalLabel.font = { ...FONT, bold: true };
  totalLabel.alignment = { horizontal: 'center', vertical: 'middle' };
  const totalCell = sheet.getCell(totalRow, WIDTHS.length);
  totalCell.value = input.items.length > 0 ? { formula: `SUM(F${first}:F${last})`, result: total } : total;
  totalCell.numFmt = VND_FORMAT;
  totalCell.font = { ...FONT, bold: true };
  totalCell.alignment = { horizontal: 'right', vertical: 'middle' };
  for (let column = 1; column <= WIDTHS.length; column += 1) sheet.getCell(totalRow, column).border = THIN_BORDER;

  banner(totalRow + 1, `Bằng chữ: ${vndInWords(total)}./.`, { italic: true, align: 'left' });

  printOnA4Landscape(sheet, HEADER_ROW);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
