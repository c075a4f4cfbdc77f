/**
 * Drawing on a pdfkit page the way the decree lays text out: centred blocks, short rules, and
 * bordered tables that break across pages with their header row repeated. Lines are wrapped here,
 * not by pdfkit, so a table knows each cell's height before drawing it and can split a row.
 */
import type { CellAlign, DocumentTable } from './document-model';
import type { SerifFonts } from './pdf-fonts';

export type FontStyle = keyof SerifFonts;

export interface Frame {
  left: number;
  width: number;
  top: number;
  bottom: number;
}

export class PdfCanvas {
  constructor(
    readonly doc: PDFKit.PDFDocument,
    readonly frame: Frame,
  ) {}

  get y(): number {
    return this.doc.y;
  }

  set y(value: number) {
    this.doc.y = value;
  }

  use(style: FontStyle, size: number): number {
    this.doc.font(style).fontSize(size);
    return this.doc.currentLineHeight(true);
  }

  /** Lines of at most `width` points; a word longer than a line is cut. */
  wrap(text: string, width: number): string[] {
    const lines: string[] = [];
    for (const paragraph of text.normalize('NFC').split('\n')) {
      let current = '';
      for (const word of paragraph.split(/[ \t]+/).filter(Boolean)) {
        const candidate = current ? `${current} ${word}` : word;
        if (this.doc.widthOfString(candidate) <= width) {
          current = candidate;
          continue;
        }
        if (current) lines.push(current);
        current = word;
        while (current.length > 1 && this.doc.widthOfString(current) > width) {
          let cut = current.length - 1;
          while (cut > 1 && this.doc.widthOfString(current.slice(0, cut)) > width) cut--;
          lines.push(current.slice(0, cut));
          current = current.slice(cut);
        }
      }
      lines.push(current);
    }
    return lines;
  }

  /** As few lines as wrap gives, of even length: a centred title is not left with one word below. */
  balanced(text: string, width: number): string[] {
    const lines = this.wrap(text, width);
    if (lines.length < 2) return lines;
    let [low, high] = [width / lines.length, width];
    while (high - low > 1) {
      const middle = (low + high) / 2;
      if (this.wrap(text, middle).length <= lines.length) high = middle;
      else low = middle;
    }
    return this.wrap(text, high);
  }

  /** One line, already wrapped, placed by hand: pdfkit must not wrap or break the page. */
  drawLine(text: string, x: number, width: number, y: number, align: CellAlign): number {
    const textWidth = this.doc.widthOfString(text);
    const offset = align === 'center' ? (width - textWidth) / 2 : align === 'right' ? width - textWidth : 0;
    this.doc.text(text, x + offset, y, { lineBreak: false });
    return textWidth;
  }

  /** Wrapped, centred (or aligned) lines from y; returns the y under them. */
  block(text: string, options: { style: FontStyle; size: number; x?: number; width?: number; y?: number; align?: CellAlign; underline?: boolean }): number {
    const lineHeight = this.use(options.style, options.size);
    const x = options.x ?? this.frame.left;
    const width = options.width ?? this.frame.width;
    let y = options.y ?? this.y;
    const align = options.align ?? 'center';
    for (const line of align === 'center' ? this.balanced(text, width) : this.wrap(text, width)) {
      const textWidth = this.drawLine(line, x, width, y, align);
      if (options.underline) this.rule(x + (width - textWidth) / 2, textWidth, y + options.size * 1.02);
      y += lineHeight;
    }
    return y;
  }

  rule(x: number, width: number, y: number): void {
    this.doc.save().lineWidth(0.6).moveTo(x, y).lineTo(x + width, y).stroke().restore();
  }

  /** A rule `width` wide centred in the column from x. */
  centredRule(x: number, columnWidth: number, width: number, y: number): void {
    this.rule(x + (columnWidth - width) / 2, width, y);
  }

  newPage(): void {
    this.doc.addPage();
    this.y = this.frame.top;
  }

  /** Starts a new page unless `height` still fits under y; `onNewPage` draws what repeats (a table's header). */
  ensureRoom(height: number, onNewPage?: () => void): void {
    if (this.y + height <= this.frame.bottom) return;
    this.newPage();
    onNewPage?.();
  }

  table(model: DocumentTable, size: number): void {
    new TableDrawer(this, model, size).draw();
  }
}

const PAD_X = 3;
const PAD_Y = 2.5;
const NOTE_SIZE = 14;
const NOTE_GAP = 4;

interface Row {
  cells: { lines: string[]; align: CellAlign; x: number; width: number }[];
  style: FontStyle;
}

class TableDrawer {
  private readonly widths: number[];
  private readonly xs: number[];
  private lineHeight = 0;

  constructor(
    private readonly canvas: PdfCanvas,
    private readonly model: DocumentTable,
    private readonly size: number,
  ) {
    const unit = canvas.frame.width / model.columns.reduce((sum, column) => sum + column.width, 0);
    this.widths = model.columns.map((column) => column.width * unit);
    this.xs = this.widths.map((_, index) => canvas.frame.left + this.widths.slice(0, index).reduce((sum, width) => sum + width, 0));
  }

  draw(): void {
    this.lineHeight = this.canvas.use('regular', this.size);
    const header = this.row(
      this.model.columns.map((column) => column.heading),
      this.model.columns.map(() => 'center'),
      'bold',
    );
    const rows = this.model.rows.map((cells) =>
      this.row(
        cells,
        this.model.columns.map((column) => column.align),
        'regular',
      ),
    );
    if (this.model.total) rows.push(this.totalRow(this.model.total));

    // The header row never sits alone at the foot of a page.
    this.canvas.ensureRoom(this.height(header) + (rows[0] ? this.lineHeight * 2 + PAD_Y * 2 : 0));
    this.segment(header, 0, this.lines(header));
    const noteHeight = this.model.note ? this.noteHeight(this.model.note) : 0;
    for (const [index, row] of rows.entries()) {
      let from = 0;
      const total = this.lines(row);
      // The total row and the line in words under it stay together.
      if (index === rows.length - 1 && this.model.total) this.canvas.ensureRoom(this.height(row) + noteHeight, () => this.segment(header, 0, this.lines(header)));
      while (from < total) {
        const room = Math.floor((this.canvas.frame.bottom - this.canvas.y - PAD_Y * 2) / this.lineHeight);
        // Split a row only when it would not fit on a page of its own, and never leave one line behind.
        const fitsWhole = total - from <= room;
        const pageRoom = Math.floor((this.canvas.frame.bottom - this.canvas.frame.top - this.height(header) - PAD_Y * 2) / this.lineHeight);
        if (!fitsWhole && (total - from <= pageRoom || room < 2)) {
          this.canvas.newPage();
          this.segment(header, 0, this.lines(header));
          continue;
        }
        const count = Math.min(room, total - from);
        this.segment(row, from, count);
        from += count;
      }
    }
    if (this.model.note) {
      this.canvas.ensureRoom(noteHeight);
      this.canvas.y = this.canvas.block(this.model.note, { style: 'italic', size: NOTE_SIZE, align: 'left', y: this.canvas.y + NOTE_GAP });
    }
  }

  private noteHeight(note: string): number {
    const lineHeight = this.canvas.use('italic', NOTE_SIZE);
    const height = NOTE_GAP + this.canvas.wrap(note, this.canvas.frame.width).length * lineHeight;
    this.canvas.use('regular', this.size);
    return height;
  }

  private row(texts: readonly string[], aligns: readonly CellAlign[], style: FontStyle): Row {
    this.canvas.use(style, this.size);
    return {
      style,
      cells: texts.map((text, index) => ({
        lines: text === '' ? [] : aligns[index] === 'center' ? this.canvas.balanced(text, this.widths[index] - PAD_X * 2) : this.canvas.wrap(text, this.widths[index] - PAD_X * 2),
        align: aligns[index],
        x: this.xs[index],
        width: this.widths[index],
      })),
    };
  }

  private totalRow(total: NonNullable<DocumentTable['total']>): Row {
    const span = this.model.columns.length - total.values.length;
    const spanWidth = this.widths.slice(0, span).reduce((sum, width) => sum + width, 0);
    this.canvas.use('bold', this.size);
    return {
      style: 'bold',
      cells: [
        { lines: this.canvas.wrap(total.label, spanWidth - PAD_X * 2), align: 'center', x: this.xs[0], width: spanWidth },
        ...total.values.map((value, index) => ({
          lines: this.canvas.wrap(value, this.widths[span + index] - PAD_X * 2),
          align: this.model.columns[span + index].align,
          x: this.xs[span + index],
          width: this.widths[span + index],
        })),
      ],
    };
  }

  private lines(row: Row): number {
    return Math.max(1, ...row.cells.map((cell) => cell.lines.length));
  }

  private height(row: Row): number {
    return this.lines(row) * this.lineHeight + PAD_Y * 2;
  }

  /** Lines [from, from + count) of every cell, boxed; a whole row is centred vertically in its cells. */
  private segment(row: Row, from: number, count: number): void {
    const { doc } = this.canvas;
    const top = this.canvas.y;
    const height = count * this.lineHeight + PAD_Y * 2;
    const whole = from === 0 && count >= this.lines(row);
    this.canvas.use(row.style, this.size);
    for (const cell of row.cells) {
      const lines = cell.lines.slice(from, from + count);
      const offset = whole ? ((count - lines.length) * this.lineHeight) / 2 : 0;
      lines.forEach((line, index) => this.canvas.drawLine(line, cell.x + PAD_X, cell.width - PAD_X * 2, top + PAD_Y + offset + index * this.lineHeight, cell.align));
      doc.save().lineWidth(0.6).rect(cell.x, top, cell.width, height).stroke().restore();
    }
    this.canvas.y = top + height;
  }
}
