/**
 * The document model as a Word file (what an office edits before signing): A4, the decree's margins,
 * Times New Roman throughout, header and signature blocks as borderless tables, tables with borders.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IBorderOptions,
} from 'docx';
import {
  appendixTable,
  APPENDIX_UNIT_NOTE,
  numberLine,
  paragraphText,
  placeAndDateLine,
  recipientLines,
  type CellAlign,
  type DocumentModel,
  type DocumentTable,
} from './document-model';
import {
  balancedLines,
  FONT_SIZE,
  HEADER_COLUMNS_MM,
  HEADER_LINE_CHARS,
  MM_PER_INCH,
  MOTTO,
  NATIONAL_TITLE,
  PAGE,
  PARAGRAPH_INDENT_MM,
  PARAGRAPH_SPACING_PT,
  RECIPIENTS_HEADING,
  SIGNATURE_BLANK_LINES,
  SIGNATURE_COLUMNS_MM,
  TEXT_WIDTH_MM,
} from './document-layout';

export const DOCX_FONT = 'Times New Roman';

/** Rounded, not cut: A4 is 11906 × 16838 twips, the size Word and LibreOffice name A4. */
const twip = (mm: number) => Math.round((mm / MM_PER_INCH) * 1440);
/** Word counts font sizes in half-points. */
const half = (points: number) => points * 2;
const spacing = (points: number) => points * 20;

interface RunStyle {
  size: number;
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
}

const run = (text: string, style: RunStyle, breakBefore = false) =>
  new TextRun({ text, break: breakBefore ? 1 : undefined, font: DOCX_FONT, size: half(style.size), bold: style.bold, italics: style.italics, underline: style.underline ? {} : undefined });

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT, justify: AlignmentType.JUSTIFIED } as const;

type LineStyle = RunStyle & { align?: keyof typeof ALIGN; before?: number; after?: number; keepNext?: boolean };

function line(text: string, style: LineStyle): Paragraph {
  return lines([text], style);
}

/** One paragraph, broken where asked (a centred title split evenly). */
function lines(texts: readonly string[], style: LineStyle): Paragraph {
  return new Paragraph({
    alignment: ALIGN[style.align ?? 'center'],
    spacing: { before: spacing(style.before ?? 0), after: spacing(style.after ?? 0) },
    keepNext: style.keepNext,
    children: texts.map((text, index) => run(text, style, index > 0)),
  });
}

/** A short centred rule under a title: a bottom border between wide indents. */
function rule(widthMm: number, columnMm: number): Paragraph {
  const side = twip(Math.max(0, (columnMm - widthMm) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: 0, after: 0, line: 120 },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [run('', { size: 2 })],
  });
}

const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const SINGLE: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = (border: IBorderOptions) => ({ top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border });

/** A layout table without lines: two blocks side by side. */
function columns(widthsMm: readonly number[], cells: Paragraph[][]): Table {
  return new Table({
    width: { size: twip(TEXT_WIDTH_MM), type: WidthType.DXA },
    columnWidths: widthsMm.map(twip),
    layout: TableLayoutType.FIXED,
    borders: borders(NONE),
    rows: [
      new TableRow({
        children: cells.map(
          (children, index) => new TableCell({ width: { size: twip(widthsMm[index]), type: WidthType.DXA }, borders: { top: NONE, bottom: NONE, left: NONE, right: NONE }, children }),
        ),
      }),
    ],
  });
}

function headerBlock(model: DocumentModel): Table {
  const { header } = model;
  const [left, right] = HEADER_COLUMNS_MM;
  const leftCell = [
    ...(header.parentBody ? [lines(balancedLines(header.parentBody, HEADER_LINE_CHARS), { size: FONT_SIZE.headerBody })] : []),
    lines(balancedLines(header.issuingBody, HEADER_LINE_CHARS), { size: FONT_SIZE.headerBody, bold: true }),
    rule(22, left),
    line(numberLine(header), { size: FONT_SIZE.numberAndDate, before: 6 }),
  ];
  const rightCell = [
    line(NATIONAL_TITLE, { size: FONT_SIZE.headerBody, bold: true }),
    line(MOTTO, { size: FONT_SIZE.motto, bold: true, underline: true }),
    line(placeAndDateLine(header), { size: FONT_SIZE.numberAndDate, italics: true, before: header.parentBody ? 18 : 6 }),
  ];
  return columns([left, right], [leftCell, rightCell]);
}

/** `keepNext`: a heading stays with what follows, the closing paragraph with the signature. */
function bodyParagraph(text: string, options: { bold?: boolean; italics?: boolean; keepNext?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: twip(PARAGRAPH_INDENT_MM) },
    spacing: { before: spacing(PARAGRAPH_SPACING_PT), after: 0 },
    keepNext: options.bold || options.keepNext,
    children: [run(text, { size: FONT_SIZE.body, ...options })],
  });
}

function cell(text: string, widthMm: number, align: CellAlign, options: { bold?: boolean; columnSpan?: number } = {}): TableCell {
  const paragraphs = (text === '' ? [''] : text.split('\n')).map((part) =>
    line(part, { size: FONT_SIZE.table, bold: options.bold, align, before: 2, after: 2 }),
  );
  return new TableCell({
    width: { size: twip(widthMm), type: WidthType.DXA },
    columnSpan: options.columnSpan,
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { left: twip(1.5), right: twip(1.5) },
    children: paragraphs,
  });
}

/** A bordered table across the text width; the header row repeats on every page. */
function table(model: DocumentTable): (Paragraph | Table)[] {
  const unit = TEXT_WIDTH_MM / model.columns.reduce((sum, column) => sum + column.width, 0);
  const widths = model.columns.map((column) => column.width * unit);
  const rows = [
    new TableRow({ tableHeader: true, cantSplit: true, children: model.columns.map((column, index) => cell(column.heading, widths[index], 'center', { bold: true })) }),
    ...model.rows.map((row) => new TableRow({ children: row.map((text, index) => cell(text, widths[index], model.columns[index].align)) })),
  ];
  if (model.total) {
    const span = model.columns.length - model.total.values.length;
    const spanWidth = widths.slice(0, span).reduce((sum, width) => sum + width, 0);
    rows.push(
      new TableRow({
        cantSplit: true,
        children: [
          cell(model.total.label, spanWidth, 'center', { bold: true, columnSpan: span }),
          ...model.total.values.map((value, index) => cell(value, widths[span + index], model.columns[span + index].align, { bold: true })),
        ],
      }),
    );
  }
  const tableElement = new Table({ width: { size: twip(TEXT_WIDTH_MM), type: WidthType.DXA }, columnWidths: widths.map(twip), layout: TableLayoutType.FIXED, borders: borders(SINGLE), rows });
  return [tableElement, ...(model.note ? [line(model.note, { size: FONT_SIZE.body, italics: true, align: 'left', before: 6 })] : [])];
}

function signatureBlock(model: DocumentModel): Table {
  const [left, right] = SIGNATURE_COLUMNS_MM;
  const recipients = [
    line(RECIPIENTS_HEADING, { size: FONT_SIZE.recipientsHeading, bold: true, italics: true, align: 'left' }),
    ...recipientLines(model.recipients).map((text) => line(text, { size: FONT_SIZE.recipients, align: 'left' })),
  ];
  const { signature } = model;
  const signer = [
    ...signature.capacityLines.map((text) => line(text.toLocaleUpperCase('vi-VN'), { size: FONT_SIZE.signature, bold: true })),
    ...Array.from({ length: SIGNATURE_BLANK_LINES }, () => line('', { size: FONT_SIZE.signature })),
    line(signature.signerName, { size: FONT_SIZE.signature, bold: true }),
  ];
  return columns([left, right], [recipients, signer]);
}

function appendixPart(model: DocumentModel): (Paragraph | Table)[] {
  const { appendix } = model;
  if (!appendix) return [];
  return [
    new Paragraph({ pageBreakBefore: true, alignment: AlignmentType.CENTER, children: [run(appendix.title, { size: FONT_SIZE.documentType, bold: true })] }),
    line(appendix.subtitle, { size: FONT_SIZE.subject, bold: true }),
    line(appendix.reference, { size: FONT_SIZE.numberAndDate, italics: true }),
    rule(40, TEXT_WIDTH_MM),
    line(APPENDIX_UNIT_NOTE, { size: FONT_SIZE.table, italics: true, align: 'right', before: 6, after: 4 }),
    ...table(appendixTable(appendix)),
  ];
}

/** Page numbers from page 2 on, centred at the top (the decree's place for them). */
function pageNumberHeader(): Header {
  return new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: DOCX_FONT, size: half(FONT_SIZE.pageNumber) })] })] });
}

export async function renderDocx(model: DocumentModel): Promise<Buffer> {
  const body: (Paragraph | Table)[] = [
    headerBlock(model),
    line(model.documentType, { size: FONT_SIZE.documentType, bold: true, before: 18 }),
    line(model.subject, { size: FONT_SIZE.subject, bold: true }),
    rule(40, TEXT_WIDTH_MM),
    ...model.bases.map((basis) => bodyParagraph(basis)),
    ...(model.opening ? [bodyParagraph(model.opening)] : []),
  ];
  const lastSection = model.sections[model.sections.length - 1];
  for (const section of model.sections) {
    body.push(bodyParagraph(section.heading, { bold: true }));
    section.paragraphs.forEach((paragraph, index) => {
      const { text, bold, italic } = paragraphText(paragraph);
      const last = section === lastSection && index === section.paragraphs.length - 1 && !section.tables?.length;
      body.push(bodyParagraph(text, { bold, italics: italic, keepNext: last }));
    });
    for (const sectionTable of section.tables ?? []) body.push(line('', { size: 6 }), ...table(sectionTable));
  }
  body.push(line('', { size: FONT_SIZE.body, keepNext: true }), signatureBlock(model), ...appendixPart(model));

  const document = new Document({
    creator: 'PlanCycle',
    title: `${model.documentType} ${model.subject}`,
    styles: { default: { document: { run: { font: DOCX_FONT, size: half(FONT_SIZE.body) } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: twip(PAGE.widthMm), height: twip(PAGE.heightMm) },
            margin: { top: twip(PAGE.margin.topMm), bottom: twip(PAGE.margin.bottomMm), left: twip(PAGE.margin.leftMm), right: twip(PAGE.margin.rightMm), header: twip(10) },
          },
        },
        headers: { default: pageNumberHeader(), first: new Header({ children: [] }) },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(document);
}
