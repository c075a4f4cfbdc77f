/**
 * The document model as a PDF (what is sent and archived): the same page as the Word file, drawn with
 * pdfkit and Liberation Serif embedded, so every Vietnamese letter shows in any viewer.
 */
import PDFDocument from 'pdfkit';
import { appendixTable, APPENDIX_UNIT_NOTE, numberLine, paragraphText, placeAndDateLine, recipientLines, type DocumentModel } from './document-model';
import {
  FONT_SIZE,
  HEADER_COLUMNS_MM,
  mmToPt,
  MOTTO,
  NATIONAL_TITLE,
  PAGE,
  PARAGRAPH_INDENT_MM,
  PARAGRAPH_SPACING_PT,
  RECIPIENTS_HEADING,
  SIGNATURE_BLANK_LINES,
  SIGNATURE_COLUMNS_MM,
} from './document-layout';
import { PdfCanvas, type FontStyle } from './pdf-canvas';
import { findSerifFonts } from './pdf-fonts';

export interface RenderPdfOptions {
  /** A folder with LiberationSerif-*.ttf; else PLANCYCLE_FONT_DIR, else Debian's folders. */
  fontDir?: string;
}

export async function renderPdf(model: DocumentModel, options: RenderPdfOptions = {}): Promise<Buffer> {
  const fonts = findSerifFonts(options.fontDir);
  const margins = {
    top: mmToPt(PAGE.margin.topMm),
    bottom: mmToPt(PAGE.margin.bottomMm),
    left: mmToPt(PAGE.margin.leftMm),
    right: mmToPt(PAGE.margin.rightMm),
  };
  const doc = new PDFDocument({
    size: [mmToPt(PAGE.widthMm), mmToPt(PAGE.heightMm)],
    margins,
    font: fonts.regular,
    bufferPages: true,
    lang: 'vi-VN',
    info: { Title: `${model.documentType} ${model.subject}`, Creator: 'PlanCycle', Producer: 'PlanCycle' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const [style, path] of Object.entries(fonts)) doc.registerFont(style, path);

  const canvas = new PdfCanvas(doc, {
    left: margins.left,
    width: mmToPt(PAGE.widthMm) - margins.left - margins.right,
    top: margins.top,
    bottom: mmToPt(PAGE.heightMm) - margins.bottom,
  });
  canvas.y = margins.top;
  drawHeader(canvas, model);
  const signature = signatureHeight(canvas, model);
  drawBody(canvas, model, signature);
  drawSignature(canvas, model, signature);
  drawAppendix(canvas, model);
  numberPages(canvas);
  doc.end();
  return done;
}

function drawHeader(canvas: PdfCanvas, model: DocumentModel): void {
  const { header } = model;
  const [leftWidth, rightWidth] = HEADER_COLUMNS_MM.map(mmToPt);
  const leftX = canvas.frame.left;
  const rightX = leftX + leftWidth;
  const top = canvas.frame.top;

  let left = top;
  if (header.parentBody) left = canvas.block(header.parentBody, { style: 'regular', size: FONT_SIZE.headerBody, x: leftX, width: leftWidth, y: left });
  left = canvas.block(header.issuingBody, { style: 'bold', size: FONT_SIZE.headerBody, x: leftX, width: leftWidth, y: left });
  canvas.centredRule(leftX, leftWidth, mmToPt(22), left + 2);

  let right = canvas.block(NATIONAL_TITLE, { style: 'bold', size: FONT_SIZE.headerBody, x: rightX, width: rightWidth, y: top });
  right = canvas.block(MOTTO, { style: 'bold', size: FONT_SIZE.motto, x: rightX, width: rightWidth, y: right, underline: true });

  // `Số` and the date stand on one line, under the taller of the two columns.
  const numberY = Math.max(left, right) + 8;
  const afterNumber = canvas.block(numberLine(header), { style: 'regular', size: FONT_SIZE.numberAndDate, x: leftX, width: leftWidth, y: numberY });
  const afterDate = canvas.block(placeAndDateLine(header), { style: 'italic', size: FONT_SIZE.numberAndDate, x: rightX, width: rightWidth, y: numberY });

  let y = Math.max(afterNumber, afterDate) + 16;
  y = canvas.block(model.documentType, { style: 'bold', size: FONT_SIZE.documentType, y });
  y = canvas.block(model.subject, { style: 'bold', size: FONT_SIZE.subject, y });
  canvas.centredRule(canvas.frame.left, canvas.frame.width, mmToPt(40), y + 3);
  canvas.y = y + 8;
}

/** `keepWith`: the height of what must follow on the same page (the signature after the last paragraph). */
function paragraph(canvas: PdfCanvas, text: string, style: FontStyle, keepWith = 0): void {
  const lineHeight = canvas.use(style, FONT_SIZE.body);
  const options = { width: canvas.frame.width, align: 'justify', indent: mmToPt(PARAGRAPH_INDENT_MM) } as const;
  const normalized = text.normalize('NFC');
  // A bold line is a heading: keep it with at least two lines of what follows.
  let room = lineHeight * (style === 'bold' ? 3 : 1);
  const whole = canvas.doc.heightOfString(normalized, options) + keepWith;
  if (keepWith > 0 && whole <= canvas.frame.bottom - canvas.frame.top) room = whole;
  canvas.ensureRoom(room + PARAGRAPH_SPACING_PT);
  canvas.doc.text(normalized, canvas.frame.left, canvas.y + PARAGRAPH_SPACING_PT, options);
}

const styleOf = (bold: boolean, italic: boolean): FontStyle => (bold ? (italic ? 'boldItalic' : 'bold') : italic ? 'italic' : 'regular');

function drawBody(canvas: PdfCanvas, model: DocumentModel, signatureHeight: number): void {
  for (const basis of model.bases) paragraph(canvas, basis, 'regular');
  if (model.opening) paragraph(canvas, model.opening, 'regular');
  const lastSection = model.sections[model.sections.length - 1];
  for (const section of model.sections) {
    paragraph(canvas, section.heading, 'bold');
    section.paragraphs.forEach((item, index) => {
      const { text, bold, italic } = paragraphText(item);
      // The signature never stands alone on a page: the closing paragraph goes over with it.
      const last = section === lastSection && index === section.paragraphs.length - 1 && !section.tables?.length;
      paragraph(canvas, text, styleOf(bold, italic), last ? SIGNATURE_GAP + signatureHeight : 0);
    });
    for (const table of section.tables ?? []) {
      canvas.y += 8;
      canvas.table(table, FONT_SIZE.table);
      canvas.y += 4;
    }
  }
}

const SIGNATURE_GAP = 14;

/** The height of the Nơi nhận / signature block, which is kept whole on one page. */
function signatureHeight(canvas: PdfCanvas, model: DocumentModel): number {
  const leftWidth = mmToPt(SIGNATURE_COLUMNS_MM[0]);
  const rightHeight = canvas.use('bold', FONT_SIZE.signature) * (model.signature.capacityLines.length + SIGNATURE_BLANK_LINES + 1);
  const recipientLine = canvas.use('regular', FONT_SIZE.recipients);
  const recipients = recipientLines(model.recipients).reduce((sum, text) => sum + canvas.wrap(text, leftWidth).length * recipientLine, 0);
  return Math.max(canvas.use('boldItalic', FONT_SIZE.recipientsHeading) + recipients, rightHeight);
}

function drawSignature(canvas: PdfCanvas, model: DocumentModel, height: number): void {
  const [leftWidth, rightWidth] = SIGNATURE_COLUMNS_MM.map(mmToPt);
  const leftX = canvas.frame.left;
  const rightX = leftX + leftWidth;
  const { signature } = model;
  const capacity = signature.capacityLines.map((text) => text.toLocaleUpperCase('vi-VN'));
  const signatureLine = canvas.use('bold', FONT_SIZE.signature);
  const recipients = recipientLines(model.recipients);
  canvas.y += SIGNATURE_GAP;
  canvas.ensureRoom(height);
  const top = canvas.y;

  let left = canvas.block(RECIPIENTS_HEADING, { style: 'boldItalic', size: FONT_SIZE.recipientsHeading, x: leftX, width: leftWidth, y: top, align: 'left' });
  for (const text of recipients) left = canvas.block(text, { style: 'regular', size: FONT_SIZE.recipients, x: leftX, width: leftWidth, y: left, align: 'left' });

  let right = top;
  for (const text of capacity) right = canvas.block(text, { style: 'bold', size: FONT_SIZE.signature, x: rightX, width: rightWidth, y: right });
  right = canvas.block(signature.signerName, { style: 'bold', size: FONT_SIZE.signature, x: rightX, width: rightWidth, y: right + signatureLine * SIGNATURE_BLANK_LINES });
  canvas.y = Math.max(left, right);
}

function drawAppendix(canvas: PdfCanvas, model: DocumentModel): void {
  const { appendix } = model;
  if (!appendix) return;
  canvas.newPage();
  let y = canvas.block(appendix.title, { style: 'bold', size: FONT_SIZE.documentType });
  y = canvas.block(appendix.subtitle, { style: 'bold', size: FONT_SIZE.subject, y });
  y = canvas.block(appendix.reference, { style: 'italic', size: FONT_SIZE.numberAndDate, y });
  canvas.centredRule(canvas.frame.left, canvas.frame.width, mmToPt(40), y + 2);
  y = canvas.block(APPENDIX_UNIT_NOTE, { style: 'italic', size: FONT_SIZE.table, y: y + 10, align: 'right' });
  canvas.y = y + 4;
  canvas.table(appendixTable(appendix), FONT_SIZE.table);
}

/** From page 2 on, centred in the top margin (the decree's place for page numbers). */
function numberPages(canvas: PdfCanvas): void {
  const { doc } = canvas;
  const range = doc.bufferedPageRange();
  for (let index = range.start + 1; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    canvas.use('regular', FONT_SIZE.pageNumber);
    canvas.drawLine(String(index + 1), canvas.frame.left, canvas.frame.width, canvas.frame.top / 2 - FONT_SIZE.pageNumber / 2, 'center');
  }
}
