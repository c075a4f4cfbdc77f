/**
 * The font a PDF embeds: Liberation Serif, metric-compatible with the Times New Roman the decree
 * asks for, with every Vietnamese letter. Debian 12's fonts-liberation (1.07) lacks ạ, ơ, ư, ề…, so a
 * folder counts only if its font has them; fonts-liberation2 (fonts-liberation ≥ 2 on later
 * releases) does. Embedding the TTF is what makes every glyph render in any viewer.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';

export interface SerifFonts {
  regular: string;
  bold: string;
  italic: string;
  boldItalic: string;
}

const FILES: SerifFonts = {
  regular: 'LiberationSerif-Regular.ttf',
  bold: 'LiberationSerif-Bold.ttf',
  italic: 'LiberationSerif-Italic.ttf',
  boldItalic: 'LiberationSerif-BoldItalic.ttf',
};

export const DEBIAN_FONT_DIRS = ['/usr/share/fonts/truetype/liberation2', '/usr/share/fonts/truetype/liberation'];

/** Letters a font without Vietnamese lacks (ệ, ơ, ư, ạ). */
const VIETNAMESE_PROBE = [0x1ec7, 0x01a1, 0x01b0, 0x1ea1];

/** Thrown when no usable font is found: the operator installs a package or sets PLANCYCLE_FONT_DIR. */
export class DocumentFontMissing extends Error {
  readonly code = 'DOCUMENT_FONT_MISSING';

  constructor(searched: readonly string[]) {
    super(
      `Không tìm thấy phông Liberation Serif có đủ chữ tiếng Việt (${FILES.regular}, -Bold, -Italic, -BoldItalic) trong ${searched.join(', ')}. ` +
        'Cài gói Debian fonts-liberation2 (hoặc fonts-liberation từ bản 2 trở lên): `apt-get install fonts-liberation2`, hoặc đặt PLANCYCLE_FONT_DIR. / ' +
        'Liberation Serif with Vietnamese glyphs was not found: install the Debian package fonts-liberation2 (fonts-liberation >= 2) or set PLANCYCLE_FONT_DIR to its folder.',
    );
    this.name = 'DocumentFontMissing';
  }
}

const found = new Map<string, SerifFonts>();

/** The first folder with the four files and Vietnamese letters: fontDir, PLANCYCLE_FONT_DIR, then the system's. */
export function findSerifFonts(fontDir?: string, systemDirs: readonly string[] = DEBIAN_FONT_DIRS): SerifFonts {
  const searched = [...new Set([fontDir, process.env.PLANCYCLE_FONT_DIR, ...systemDirs].filter((dir): dir is string => Boolean(dir)))];
  const key = searched.join('\n');
  const cached = found.get(key);
  if (cached) return cached;
  for (const dir of searched) {
    const fonts: SerifFonts = {
      regular: join(dir, FILES.regular),
      bold: join(dir, FILES.bold),
      italic: join(dir, FILES.italic),
      boldItalic: join(dir, FILES.boldItalic),
    };
    if (Object.values(fonts).every((path) => existsSync(path)) && hasVietnamese(fonts.regular)) {
      found.set(key, fonts);
      return fonts;
    }
  }
  throw new DocumentFontMissing(searched);
}

interface GlyphTable {
  hasGlyphForCodePoint(codePoint: number): boolean;
}

function hasVietnamese(path: string): boolean {
  const probe = new PDFDocument({ font: path, autoFirstPage: false });
  // pdfkit keeps the parsed font (fontkit) on its current font object; not in its typings.
  const glyphs = (probe as unknown as { _font?: { font?: Partial<GlyphTable> } })._font?.font;
  probe.end();
  if (typeof glyphs?.hasGlyphForCodePoint !== 'function') return true; // cannot tell: trust the file
  return VIETNAMESE_PROBE.every((codePoint) => (glyphs as GlyphTable).hasGlyphForCodePoint(codePoint));
}
