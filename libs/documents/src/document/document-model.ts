/**
 * One model of an official document (Nghị định 30/2020/NĐ-CP), printed the same way as DOCX and as
 * PDF. Plain data: builders (plan-document.ts, report-document.ts) fill it, renderers only lay it out.
 * Every text that two renderers would otherwise spell twice (number line, date line, totals) is
 * computed here, once.
 */
import { formatDocumentNumber, formatVietnameseDate, formatVnd, vndInWords, type LocalDate } from '@plancycle/domain';
import { HEADER_LINE_CHARS } from './document-layout';

export type DocumentType = 'KẾ HOẠCH' | 'BÁO CÁO';

/** The two-column block at the top of the first page. */
export interface DocumentHeader {
  /** Cơ quan chủ quản, upper case (`UBND TỈNH TRÀ VINH`); empty for a body with none above it. */
  parentBody: string;
  /** Cơ quan ban hành, upper case (`SỞ THÔNG TIN VÀ TRUYỀN THÔNG`). */
  issuingBody: string;
  /** `KH-UBND`, `BC-STTTT`. */
  symbol: string;
  /** Null in a draft: the number is given only at issuance (seed 002). */
  number: number | null;
  /** Địa danh: `Gia Lai`, `Trà Vinh`. */
  place: string;
  /** Null in a draft: `Trà Vinh, ngày    tháng    năm 2020`. */
  date: LocalDate | null;
  /** The year printed in a draft's blank date. */
  year: number;
}

/** Who issues a document and under which number: what every builder's input starts with. */
export interface DocumentIssuer {
  /** `Trà Vinh`: the province the text names, and the date line's place unless `place` is given. */
  provinceName: string;
  /** A commune's or district's own place (`Ia Dom, ngày …`). */
  place?: string;
  /** Upper case, may be empty: `UBND TỈNH TRÀ VINH`. */
  parentBody: string;
  /** The issuing unit's name as a sentence writes it: `Sở Thông tin và Truyền thông`. */
  issuerName: string;
  /** Upper case for the header; defaults to issuerName in upper case. */
  issuingBody?: string;
  /** `KH-UBND`, `BC-STTTT`. */
  symbol: string;
  /** Null while a draft. */
  number: number | null;
  /** Null while a draft. */
  issuedOn: LocalDate | null;
  year: number;
}

/** The header block of an issuer's document. */
export function documentHeader(issuer: DocumentIssuer): DocumentHeader {
  return {
    parentBody: headerBodyName(issuer.parentBody),
    issuingBody: headerBodyName(issuer.issuingBody ?? issuer.issuerName),
    symbol: issuer.symbol,
    number: issuer.number,
    place: issuer.place ?? issuer.provinceName,
    date: issuer.issuedOn,
    year: issuer.year,
  };
}

/** A paragraph of the body: a string is plain text; headings inside a section are bold ones. */
export type DocumentParagraph = string | { text: string; bold?: boolean; italic?: boolean };

export type CellAlign = 'left' | 'center' | 'right';

export interface TableColumn {
  heading: string;
  /** Relative width; a renderer shares the text width in proportion. */
  width: number;
  align: CellAlign;
}

/** A bordered table: header row (repeated on each page), rows, and an optional bold total row. */
export interface DocumentTable {
  columns: TableColumn[];
  rows: string[][];
  /** `Tổng cộng` over the first columns, then one value per remaining column. */
  total?: { label: string; values: string[] };
  /** An italic line right after the table: `Bằng chữ: Hai trăm triệu đồng./.` */
  note?: string;
}

export interface DocumentSection {
  /** `I. MỤC ĐÍCH, YÊU CẦU` */
  heading: string;
  paragraphs: DocumentParagraph[];
  /** Printed after the paragraphs (a report's lines, a province's units). */
  tables?: DocumentTable[];
}

/** One row of the appendix table of seed 002. */
export interface AppendixRow {
  content: string;
  leadUnit: string;
  coordinatingUnits: string;
  timeFrame: string;
  /** Whole đồng; null prints an empty cell (a row without a budget of its own). */
  budget: number | null;
}

/** Phụ lục: on its own page after the signature, as in seed 002. */
export interface PlanAppendix {
  /** `PHỤ LỤC` */
  title: string;
  /** `Danh mục nhiệm vụ hoạt động thông tin đối ngoại năm 2020` */
  subtitle: string;
  /** `(Kèm theo Kế hoạch số 05/KH-UBND ngày 09/03/2023 của Ủy ban nhân dân tỉnh Gia Lai)` */
  reference: string;
  rows: AppendixRow[];
}

export interface Signature {
  /** `TM. ỦY BAN NHÂN DÂN`, `KT. CHỦ TỊCH`, `PHÓ CHỦ TỊCH`: printed bold, upper case. */
  capacityLines: string[];
  signerName: string;
}

export interface DocumentModel {
  header: DocumentHeader;
  documentType: DocumentType;
  /** Trích yếu, under the type. */
  subject: string;
  /** `Căn cứ …;` lines, before the sections. */
  bases: string[];
  /** The sentence after the bases: `Ủy ban nhân dân tỉnh ban hành Kế hoạch … như sau:` */
  opening: string | null;
  sections: DocumentSection[];
  appendix: PlanAppendix | null;
  /** Nơi nhận, without the leading `- ` and the final `;`/`.`; the last is `Lưu: VT, …`. */
  recipients: string[];
  signature: Signature;
}

/** `Số: 05/KH-UBND`; a draft leaves room for the number: `Số:      /KH-UBND`. */
export function numberLine(header: DocumentHeader): string {
  return header.number === null ? `Số:${BLANK_NUMBER}/${header.symbol}` : `Số: ${formatDocumentNumber(header.number, header.symbol)}`;
}

const BLANK_NUMBER = '\u00a0'.repeat(6);
const BLANK_DAY = '\u00a0'.repeat(4);

/**
 * `Gia Lai, ngày 09 tháng 3 năm 2023`: days below 10 and the months 1 and 2 take a leading 0, so
 * that nobody can add a digit (Nghị định 30/2020/NĐ-CP, Phụ lục I, mục 5).
 */
export function placeAndDateLine(header: DocumentHeader): string {
  if (header.date === null) return `${header.place}, ngày${BLANK_DAY}tháng${BLANK_DAY}năm ${header.year}`;
  const { day, month, year } = dateParts(header.date);
  return `${header.place}, ngày ${pad(day)} tháng ${month <= 2 ? pad(month) : String(month)} năm ${year}`;
}

/** `05/KH-UBND ngày 09/3/2023`, or with blanks for a draft: how an appendix names its plan. */
export function documentReference(header: Pick<DocumentHeader, 'symbol' | 'number' | 'date' | 'year'>): string {
  const number = header.number === null ? `${BLANK_NUMBER}/${header.symbol}` : formatDocumentNumber(header.number, header.symbol);
  const date = header.date === null ? `${BLANK_DAY}/${BLANK_DAY}/${header.year}` : formatVietnameseDate(header.date);
  return `${number} ngày ${date}`;
}

/**
 * A body's name as the header prints it: upper case, and a long People's Committee name broken after
 * `ỦY BAN NHÂN DÂN` (`ỦY BAN NHÂN DÂN` / `TỈNH GIA LAI`), where officials break it.
 */
export function headerBodyName(name: string): string {
  const upper = name.trim().toLocaleUpperCase('vi-VN');
  return upper.length > HEADER_LINE_CHARS ? upper.replace(/^(ỦY BAN NHÂN DÂN)\s+/u, '$1\n') : upper;
}

/** `- Sở Tài chính;` … `- Lưu: VT, TTBCXB.` */
export function recipientLines(recipients: readonly string[]): string[] {
  return recipients.map((recipient, index) => {
    const text = recipient.trim().replace(/[;.]+$/, '');
    return `- ${text}${index === recipients.length - 1 ? '.' : ';'}`;
  });
}

export interface AppendixTotals {
  total: number;
  /** `200.000.000` */
  totalText: string;
  /** `Hai trăm triệu đồng` */
  inWords: string;
}

export function appendixTotals(appendix: PlanAppendix): AppendixTotals {
  const total = appendix.rows.reduce((sum, row) => sum + (row.budget ?? 0), 0);
  return { total, totalText: formatVnd(total), inWords: vndInWords(total) };
}

/** Printed above the appendix table, right-aligned, italic. */
export const APPENDIX_UNIT_NOTE = 'Đơn vị tính: Việt Nam đồng';

/** The appendix as the table both renderers draw: seed 002's columns, total row and total in words. */
export function appendixTable(appendix: PlanAppendix): DocumentTable {
  const totals = appendixTotals(appendix);
  return {
    columns: [
      { heading: 'Stt', width: 1.0, align: 'center' },
      { heading: 'Nội dung', width: 5.0, align: 'left' },
      { heading: 'Cơ quan chủ trì', width: 2.6, align: 'left' },
      { heading: 'Cơ quan phối hợp', width: 3.1, align: 'left' },
      { heading: 'Thời gian thực hiện', width: 2.2, align: 'center' },
      { heading: 'Kinh phí', width: 2.6, align: 'right' },
    ],
    rows: appendix.rows.map((row, index) => [
      ordinal(index + 1),
      row.content,
      row.leadUnit,
      row.coordinatingUnits,
      row.timeFrame,
      row.budget === null ? '' : formatVnd(row.budget),
    ]),
    total: { label: 'Tổng cộng', values: [totals.totalText] },
    note: `Bằng chữ: ${totals.inWords}./.`,
  };
}

/** `01`, `02` … as the Stt column of seed 002 writes them. */
export function ordinal(position: number): string {
  return pad(position);
}

export function paragraphText(paragraph: DocumentParagraph): { text: string; bold: boolean; italic: boolean } {
  return typeof paragraph === 'string' ? { text: paragraph, bold: false, italic: false } : { text: paragraph.text, bold: paragraph.bold ?? false, italic: paragraph.italic ?? false };
}

const pad = (value: number) => String(value).padStart(2, '0');

function dateParts(date: LocalDate): { day: number; month: number; year: number } {
  const [year, month, day] = date.split('-').map(Number);
  return { day, month, year };
}
