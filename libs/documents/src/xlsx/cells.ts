import type { Borders, Cell, CellValue, PaperSize, Worksheet } from 'exceljs';

/** Thin black lines round every cell of a table, as the printed appendix has them. */
export const THIN_BORDER: Partial<Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

export const FONT = { name: 'Times New Roman', size: 12 } as const;

/** A4 landscape, one page wide, the header row repeated on every page (Nghị định 30/2020/NĐ-CP margins, in inches). */
export function printOnA4Landscape(sheet: Worksheet, headerRow: number): void {
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: 9 as PaperSize, // A4 (a const enum in exceljs' types, so written as its value)
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    printTitlesRow: `${headerRow}:${headerRow}`,
    margins: { left: 0.6, right: 0.6, top: 0.8, bottom: 0.8, header: 0.3, footer: 0.3 },
  };
}

/** What a cell shows as text, whatever exceljs holds in it (rich text, formula result, hyperlink…). */
export function cellText(cell: Cell): string {
  return valueText(cell.value).replace(/\r\n?/g, '\n').trim();
}

function valueText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('hyperlink' in value) return value.text;
  if ('error' in value) return value.error;
  if ('result' in value) return valueText(value.result as CellValue);
  return '';
}

/** The number a cell holds, directly or as a formula's cached result; undefined when it holds none. */
export function cellNumber(cell: Cell): number | undefined {
  const value = cell.value;
  if (typeof value === 'number') return value;
  if (value && typeof value === 'object' && 'result' in value && typeof value.result === 'number') return value.result;
  return undefined;
}

/**
 * A comparison key for texts officials type by hand: no diacritics, lower case, punctuation and
 * runs of spaces as one space, so `STT`, `Stt` and `Nội  dung` or `Noi dung` compare equal.
 */
export function looseKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9/]+/g, ' ')
    .trim();
}
