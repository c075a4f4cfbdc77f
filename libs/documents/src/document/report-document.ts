/**
 * A report (Báo cáo) as officials print it: a unit's quarterly, annual or ad-hoc report with one
 * table row per plan item, or the province's report aggregating the units' (seed 003, III).
 */
import { formatVnd, REPORT_LINE_STATUS_LABELS, type ReportKind, type ReportLineStatus } from '@plancycle/domain';
import { documentHeader, ordinal, type DocumentIssuer, type DocumentModel, type DocumentParagraph, type DocumentSection, type DocumentTable, type Signature } from './document-model';

export interface ReportDocumentLine {
  content: string;
  status: ReportLineStatus;
  achieved: string;
  /** Whole đồng; null when the writer gave no figure. */
  spent: number | null;
}

/** One unit's row in the province's report. */
export interface ProvincialUnitRow {
  unitName: string;
  itemsTotal: number;
  itemsDone: number;
  spent: number;
}

export interface ProvincialSummary {
  units: ProvincialUnitRow[];
  /** Names of the units expected that sent no report. */
  missingUnits: string[];
}

export interface ReportDocumentInput extends DocumentIssuer {
  kind: ReportKind;
  /** `quý II năm 2020`, `năm 2020` (see reportPeriodLabel), or for an ad-hoc report what was asked. */
  periodLabel: string;
  /** `Kế hoạch số 05/KH-STTTT ngày 10/01/2020 của Sở Thông tin và Truyền thông` */
  planReference?: string | null;
  summary: string;
  lines: readonly ReportDocumentLine[];
  /** Only in the province's report. */
  provincial?: ProvincialSummary | null;
  proposals?: string[];
  /** Nơi nhận; `Lưu: VT` is added when the list does not end with it. */
  recipients: string[];
  signer: Signature;
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI'];

/** `quý II năm 2020` for a quarter, `năm 2020` for a year: what subjects and sentences say. */
export function reportPeriodLabel(year: number, quarter: 1 | 2 | 3 | 4 | null): string {
  return quarter === null ? `năm ${year}` : `quý ${ROMAN[quarter - 1]} năm ${year}`;
}

export function reportDocument(input: ReportDocumentInput): DocumentModel {
  const sections: DocumentSection[] = [];
  const heading = (title: string) => `${ROMAN[sections.length]}. ${title}`;

  const summary = input.summary
    .split(/\n\s*\n|\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
  sections.push({ heading: heading('TÌNH HÌNH TRIỂN KHAI'), paragraphs: summary.length > 0 ? summary : ['Không có nội dung tóm tắt.'] });

  if (input.provincial) sections.push({ ...unitsSection(input.provincial), heading: heading('TỔNG HỢP BÁO CÁO CỦA CÁC CƠ QUAN, ĐƠN VỊ') });
  if (!input.provincial || input.lines.length > 0) sections.push({ ...linesSection(input.lines), heading: heading('KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ') });
  if (input.proposals && input.proposals.length > 0) sections.push({ heading: heading('ĐỀ XUẤT, KIẾN NGHỊ'), paragraphs: input.proposals.map((proposal) => proposal.trim()) });
  sections[sections.length - 1].paragraphs.push(`Trên đây là báo cáo kết quả công tác thông tin đối ngoại ${input.periodLabel} của ${input.issuerName}./.`);

  const recipients = input.recipients.map((recipient) => recipient.trim()).filter(Boolean);
  if (!/^Lưu\b/.test(recipients[recipients.length - 1] ?? '')) recipients.push('Lưu: VT');

  return {
    header: documentHeader(input),
    documentType: 'BÁO CÁO',
    subject: reportSubject(input),
    bases: [],
    opening: input.planReference
      ? `Thực hiện ${input.planReference}, ${input.issuerName} báo cáo kết quả ${input.periodLabel} như sau:`
      : `${input.issuerName} báo cáo kết quả công tác thông tin đối ngoại ${input.periodLabel} như sau:`,
    sections,
    appendix: null,
    recipients,
    signature: input.signer,
  };
}

function reportSubject(input: ReportDocumentInput): string {
  switch (input.kind) {
    case 'quarterly':
    case 'ad_hoc':
      return `Kết quả thực hiện công tác thông tin đối ngoại ${input.periodLabel}`;
    case 'annual':
      return `Tổng kết công tác thông tin đối ngoại ${input.periodLabel}`;
    case 'provincial':
      return `Kết quả công tác thông tin đối ngoại ${input.periodLabel} trên địa bàn tỉnh ${input.provinceName}`;
  }
}

function linesSection(lines: readonly ReportDocumentLine[]): Omit<DocumentSection, 'heading'> {
  const count = (status: ReportLineStatus) => lines.filter((line) => line.status === status).length;
  const spent = lines.reduce((total, line) => total + (line.spent ?? 0), 0);
  const paragraphs: DocumentParagraph[] = [
    `Tổng số ${lines.length} nhiệm vụ: đã hoàn thành ${count('done')}, đang triển khai ${count('in_progress')}, chưa triển khai ${count('not_started')}; kinh phí đã chi ${formatVnd(spent)} đồng.`,
  ];
  if (lines.length === 0) return { paragraphs };
  const table: DocumentTable = {
    columns: [
      { heading: 'Stt', width: 1.0, align: 'center' },
      { heading: 'Nội dung', width: 4.9, align: 'left' },
      { heading: 'Tình trạng', width: 2.2, align: 'center' },
      { heading: 'Kết quả đạt được', width: 5.0, align: 'left' },
      { heading: 'Kinh phí đã chi', width: 2.6, align: 'right' },
    ],
    rows: lines.map((line, index) => [ordinal(index + 1), line.content, REPORT_LINE_STATUS_LABELS[line.status], line.achieved, line.spent === null ? '' : formatVnd(line.spent)]),
    total: { label: 'Tổng cộng', values: [formatVnd(spent)] },
  };
  return { paragraphs, tables: [table] };
}

function unitsSection(summary: ProvincialSummary): Omit<DocumentSection, 'heading'> {
  const reported = summary.units.length;
  const expected = reported + summary.missingUnits.length;
  const paragraphs: DocumentParagraph[] = [`Có ${reported}/${expected} cơ quan, đơn vị gửi báo cáo.`];
  if (summary.missingUnits.length > 0) paragraphs.push(`Chưa gửi báo cáo: ${summary.missingUnits.join(', ')}.`);
  if (reported === 0) return { paragraphs };
  const sum = (pick: (row: ProvincialUnitRow) => number) => summary.units.reduce((total, row) => total + pick(row), 0);
  const table: DocumentTable = {
    columns: [
      { heading: 'Stt', width: 1.0, align: 'center' },
      { heading: 'Cơ quan, đơn vị', width: 6.5, align: 'left' },
      { heading: 'Số nhiệm vụ', width: 2.4, align: 'center' },
      { heading: 'Đã hoàn thành', width: 2.4, align: 'center' },
      { heading: 'Kinh phí đã chi', width: 3.2, align: 'right' },
    ],
    rows: summary.units.map((row, index) => [ordinal(index + 1), row.unitName, String(row.itemsTotal), String(row.itemsDone), formatVnd(row.spent)]),
    total: { label: 'Tổng cộng', values: [String(sum((row) => row.itemsTotal)), String(sum((row) => row.itemsDone)), formatVnd(sum((row) => row.spent))] },
  };
  return { paragraphs, tables: [table] };
}
