/**
 * The measures of a page under Nghị định 30/2020/NĐ-CP that both renderers share: A4, margins, font
 * sizes and column widths. Millimetres and points, converted by each renderer to its own unit.
 */
export const PAGE = {
  widthMm: 210,
  heightMm: 297,
  margin: { topMm: 20, bottomMm: 20, leftMm: 30, rightMm: 15 },
} as const;

export const TEXT_WIDTH_MM = PAGE.widthMm - PAGE.margin.leftMm - PAGE.margin.rightMm;

/** The header and signature blocks: left column, then right column (40/60 as in the decree's samples). */
export const HEADER_COLUMNS_MM = [62, TEXT_WIDTH_MM - 62] as const;
export const SIGNATURE_COLUMNS_MM = [80, TEXT_WIDTH_MM - 80] as const;

/** Points. */
export const FONT_SIZE = {
  body: 14,
  /** Parent and issuing body, national title. */
  headerBody: 12,
  /** `Độc lập - Tự do - Hạnh phúc` */
  motto: 13,
  /** `Số: …` and the place and date. */
  numberAndDate: 13,
  documentType: 14,
  subject: 14,
  table: 12,
  recipientsHeading: 12,
  recipients: 11,
  signature: 14,
  pageNumber: 13,
} as const;

/** First-line indent of body paragraphs. */
export const PARAGRAPH_INDENT_MM = 12.7;
/** Space before a body paragraph, in points. */
export const PARAGRAPH_SPACING_PT = 6;
/** Blank lines left for the signature and seal. */
export const SIGNATURE_BLANK_LINES = 4;

export const NATIONAL_TITLE = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';
export const RECIPIENTS_HEADING = 'Nơi nhận:';

export const MM_PER_INCH = 25.4;
export const mmToPt = (mm: number): number => (mm / MM_PER_INCH) * 72;

/** About how many upper-case letters of the header's bodies fit on a line of the left column. */
export const HEADER_LINE_CHARS = 24;

/**
 * Splits a centred title into lines of even length at spaces (and at each `\n`) (`SỞ THÔNG TIN VÀ / TRUYỀN THÔNG`, not
 * `SỞ THÔNG TIN VÀ TRUYỀN / THÔNG`), for a renderer that cannot measure text (Word wraps by itself).
 */
export function balancedLines(text: string, maxChars: number): string[] {
  return text.split('\n').flatMap((part) => balancedPart(part, maxChars));
}

function balancedPart(text: string, maxChars: number): string[] {
  const words = text.trim().split(/\s+/);
  const wrapAt = (width: number) => {
    const lines: string[] = [];
    for (const word of words) {
      const last = lines[lines.length - 1];
      if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`;
      else lines.push(word);
    }
    return lines;
  };
  const count = wrapAt(maxChars).length;
  let width = maxChars;
  while (width > 1 && wrapAt(width - 1).length === count) width--;
  return wrapAt(width);
}
