import { DocumentFontMissing, findSerifFonts } from '../document';

describe('the PDF font', () => {
  const configured = process.env.PLANCYCLE_FONT_DIR;
  beforeEach(() => delete process.env.PLANCYCLE_FONT_DIR);
  afterEach(() => {
    if (configured === undefined) delete process.env.PLANCYCLE_FONT_DIR;
    else process.env.PLANCYCLE_FONT_DIR = configured;
  });

  it('names the Debian package to install, in Vietnamese and English, when Liberation Serif is missing', () => {
    const lookup = () => findSerifFonts('/nonexistent/fonts', []);

    expect(lookup).toThrow(DocumentFontMissing);
    expect(lookup).toThrow(/Không tìm thấy phông Liberation Serif[\s\S]*fonts-liberation2[\s\S]*not found[\s\S]*PLANCYCLE_FONT_DIR/);
    expect(() => lookup()).toThrow(expect.objectContaining({ code: 'DOCUMENT_FONT_MISSING' }));
  });
});
