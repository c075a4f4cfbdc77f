import { stageLabel } from '../i18n/common.messages';
import { dashboardText, reportStateLabel } from '../i18n/dashboard.messages';
import type { Locale } from '../i18n/locale';
import type { UnitRow } from './cycle-dashboard.model';
import { formatDay } from './format';

/** Excel reads a CSV as the PC's legacy code page unless it starts with a UTF-8 byte order mark. */
const BOM = '\uFEFF';

/**
 * One cell, quoted when it holds a separator, a quote or a line break (RFC 4180). A cell that a
 * spreadsheet would run as a formula (=, +, -, @) is prefixed with an apostrophe: unit names and
 * numbers come from people.
 */
export function csvCell(value: string | number | null): string {
  let cell = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(cell)) cell = `'${cell}`;
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export function csvOf(rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  return BOM + rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** The dashboard's table, one line per unit, in the reader's language. */
export function unitTableCsv(units: readonly UnitRow[], locale: Locale): string {
  const text = dashboardText(locale);
  const header = [
    text.columnUnitCode,
    text.columnUnit,
    text.columnStage,
    text.columnVersion,
    text.columnNumber,
    text.columnIssuedOn,
    ...[1, 2, 3, 4].map((quarter) => text.columnQuarter(quarter)),
    text.columnAnnual,
  ];
  const lines = units.map((unit) => [
    unit.unitCode,
    unit.unitName,
    stageLabel(unit.stage, locale),
    unit.latestVersion === null ? null : text.versionOf(unit.latestVersion, unit.versionInForce),
    unit.documentNumber,
    unit.issuedOn ? formatDay(unit.issuedOn, locale) : null,
    ...unit.quarters.map((cell) => reportStateLabel(cell.state, locale)),
    reportStateLabel(unit.annual.state, locale),
  ]);
  return csvOf([header, ...lines]);
}
