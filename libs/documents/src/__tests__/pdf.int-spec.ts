/**
 * The PDF as a person would see it: poppler (installed by the run's global setup with the fonts)
 * turns the pages into images and text. Page 1 of the plan is left in test-output/documents for a
 * person to look at.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { planDocument, renderPdf, reportDocument, reportPeriodLabel } from '..';
// The seed 002 fixture is the unit tests' own: one copy of the 7 rows, not a second one here.
import { traVinh2020Plan } from './fixtures/tra-vinh-2020';
import { giaLai2023Provincial } from './fixtures/gia-lai-provincial-2023';

const run = promisify(execFile);
const OUTPUT = resolve(__dirname, '../../../../test-output/documents');
const DPI = 50;
// A4 is 210 × 297 mm: at 50 dpi 413.4 × 584.6 pixels, which pdftoppm rounds up.
const A4_PIXELS = { width: Math.ceil((210 / 25.4) * DPI), height: Math.ceil((297 / 25.4) * DPI) };

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'plancycle-pdf-'));
  await mkdir(OUTPUT, { recursive: true });
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Share of dark pixels in a binary greyscale PGM (P5) page, as `pdftoppm -gray` writes it. */
function darkShare(pgm: Buffer): number {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 50).toString('latin1'));
  expect(header).not.toBeNull();
  const [whole, width, height] = header!;
  const pixels = pgm.subarray(whole.length, whole.length + Number(width) * Number(height));
  let dark = 0;
  for (const value of pixels) if (value < 128) dark++;
  return dark / pixels.length;
}

async function pages(pdf: Buffer, name: string): Promise<{ png: Buffer[]; pgm: Buffer[]; text: string; info: string; fonts: string }> {
  const file = join(work, `${name}.pdf`);
  await writeFile(file, pdf);
  await run('pdftoppm', ['-r', String(DPI), '-png', file, join(work, `${name}-png`)]);
  await run('pdftoppm', ['-r', String(DPI), '-gray', file, join(work, `${name}-pgm`)]);
  const files = (await readdir(work)).sort();
  const read = (prefix: string) => Promise.all(files.filter((entry) => entry.startsWith(prefix)).map((entry) => readFile(join(work, entry))));
  const [png, pgm] = await Promise.all([read(`${name}-png`), read(`${name}-pgm`)]);
  const { stdout: text } = await run('pdftotext', ['-layout', file, '-']);
  const { stdout: info } = await run('pdfinfo', ['-f', '1', '-l', '999', file]);
  const { stdout: fonts } = await run('pdffonts', [file]);
  return { png, pgm, text, info, fonts };
}

describe('renderPdf', () => {
  it('draws the Trà Vinh 2020 plan on A4 pages, every page printed, Vietnamese text intact', async () => {
    const pdf = await renderPdf(planDocument(traVinh2020Plan()));
    const { png, pgm, text, info, fonts } = await pages(pdf, 'plan');

    const pageCount = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
    expect(pageCount).toBeGreaterThanOrEqual(3);
    expect(info.match(/^Page\s+\d+ size:.*$/gm)).toHaveLength(pageCount);
    for (const size of info.match(/^Page\s+\d+ size:.*$/gm)!) expect(size).toMatch(/595\.2\d* x 841\.8\d* pts \(A4\)/);
    expect(png).toHaveLength(pageCount);
    for (const page of png) expect(pngSize(page)).toEqual(A4_PIXELS);
    for (const page of pgm) expect(darkShare(page)).toBeGreaterThan(0.002);

    expect(text).toContain('KẾ HOẠCH');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toMatch(/Số:\s+\/KH-STTTT-TTBCXB/);
    expect(text).toContain('PHỤ LỤC');
    expect(text).toMatch(/Tổng cộng\s+200\.000\.000/);
    expect(text).toContain('Bằng chữ: Hai trăm triệu đồng./.');
    // Letters only a font with Vietnamese has: ạ ơ ư ề ộ ữ.
    expect(text).toContain('Tuyên truyền về chủ quyền biển, đảo, phân giới cắm mốc');
    expect(text).toContain('Trần Văn Khoảnh');
    // Only Liberation Serif, embedded (the fonts pdfkit would fall back on are never used).
    const fontRows = fonts.split('\n').slice(2).filter(Boolean);
    expect(fontRows.length).toBeGreaterThanOrEqual(3);
    for (const row of fontRows) expect(row).toMatch(/^\w{6}\+LiberationSerif\S*\s.*\byes\s+yes\s+yes\b/);

    // For a person to look at: page 1 at a readable resolution.
    const file = join(work, 'plan.pdf');
    await run('pdftoppm', ['-r', '100', '-png', '-f', '1', '-l', '1', '-singlefile', file, join(OUTPUT, 'plan-page-1')]);
    expect(pngSize(await readFile(join(OUTPUT, 'plan-page-1.png')))).toEqual({ width: Math.ceil((210 / 25.4) * 100), height: Math.ceil((297 / 25.4) * 100) });
  });

  it('draws the province’s report with its table of units', async () => {
    const model = reportDocument({
      kind: 'provincial',
      periodLabel: reportPeriodLabel(2023, null),
      year: 2023,
      provinceName: 'Gia Lai',
      parentBody: '',
      issuerName: 'Ủy ban nhân dân tỉnh Gia Lai',
      symbol: 'BC-UBND',
      number: 7,
      issuedOn: '2023-11-15',
      summary: 'Năm 2023, các cơ quan, đơn vị triển khai đồng bộ công tác thông tin đối ngoại.',
      lines: [],
      provincial: giaLai2023Provincial,
      recipients: ['Bộ Văn hóa, Thể thao và Du lịch'],
      signer: { capacityLines: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], signerName: 'Nguyễn Hữu Quế' },
    });
    const { png, pgm, text } = await pages(await renderPdf(model), 'report');

    for (const page of png) expect(pngSize(page)).toEqual(A4_PIXELS);
    for (const page of pgm) expect(darkShare(page)).toBeGreaterThan(0.002);
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('Số: 07/BC-UBND');
    expect(text).toContain('Gia Lai, ngày 15 tháng 11 năm 2023');
    expect(text).toMatch(/Tổng cộng\s+11\s+9\s+250\.000\.000/);
    expect(text).toContain('Chưa gửi báo cáo: UBND huyện Đức Cơ.');
    expect(text).toContain('PHÓ CHỦ TỊCH');
  });
});
