import JSZip from 'jszip';
import { planDocument, renderDocx, reportDocument } from '../document';
import { traVinh2020Plan } from './fixtures/tra-vinh-2020';

/** What Word would show of a part: paragraphs and line breaks as new lines, tags stripped. */
function visibleText(xml: string): string {
  return xml
    .replace(/<w:br\/>/g, '\n')
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

async function documentXml(buffer: Buffer): Promise<{ xml: string; styles: string }> {
  const zip = await JSZip.loadAsync(buffer);
  const xml = await zip.file('word/document.xml')!.async('string');
  const styles = await zip.file('word/styles.xml')!.async('string');
  return { xml, styles };
}

const tables = (xml: string) => xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
const rows = (table: string) => (table.match(/<w:tr[ >][\s\S]*?<\/w:tr>/g) ?? []).map((row) => (row.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []).map((cell) => visibleText(cell).trim()));

describe('renderDocx', () => {
  it('prints the Trà Vinh 2020 appendix with its 7 rows, the total 200.000.000 and Hai trăm triệu đồng', async () => {
    const { xml } = await documentXml(await renderDocx(planDocument(traVinh2020Plan())));

    const appendix = rows(tables(xml).at(-1)!);
    expect(appendix[0]).toEqual(['Stt', 'Nội dung', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian thực hiện', 'Kinh phí']);
    const items = appendix.slice(1, -1);
    expect(items.map((row) => row[0])).toEqual(['01', '02', '03', '04', '05', '06', '07']);
    expect(items[1]).toEqual([
      '02',
      expect.stringContaining('sản xuất 02 chương trình phóng sự'),
      'Sở Thông tin và Truyền thông',
      'Các Sở, ban, ngành tỉnh, UBND các huyện, thị xã, thành phố',
      'Quý II/2020',
      '200.000.000',
    ]);
    expect(items[4][1]).toBe('Tuyên truyền về chủ quyền biển, đảo, phân giới cắm mốc và khu vực biên giới biển.');
    expect(appendix.at(-1)).toEqual(['Tổng cộng', '200.000.000']);
    expect(visibleText(xml)).toContain('Bằng chữ: Hai trăm triệu đồng./.');
    // The header row repeats on each page the table runs over.
    expect(tables(xml).at(-1)).toMatch(/<w:trPr>[\s\S]*?<w:tblHeader\/>/);
  });

  it('is set in Times New Roman throughout', async () => {
    const { xml, styles } = await documentXml(await renderDocx(planDocument(traVinh2020Plan())));

    expect(styles).toMatch(/<w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman" w:hAnsi="Times New Roman"\/>/);
    const fonts = new Set([...xml.matchAll(/w:ascii="([^"]+)"/g)].map((match) => match[1]));
    expect([...fonts]).toEqual(['Times New Roman']);
  });

  it('lays out the header of a draft: bodies, national title and motto, blank number and day', async () => {
    const { xml } = await documentXml(await renderDocx(planDocument(traVinh2020Plan())));
    const text = visibleText(xml);

    const header = tables(xml)[0] ?? '';
    const [[left, right]] = rows(header);
    expect(left).toMatch(/^UBND TỈNH TRÀ VINH\nSỞ THÔNG TIN VÀ\nTRUYỀN THÔNG\n+Số:\s{4,}\/KH-STTTT-TTBCXB$/);
    expect(right).toMatch(/^CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nTrà Vinh, ngày\s+tháng\s+năm 2020$/);
    // No borders around the header block (only the short rule under the issuing body is drawn).
    const borders = header.match(/<w:(tblBorders|tcBorders)>[\s\S]*?<\/w:\1>/g) ?? [];
    expect(borders.length).toBeGreaterThan(0);
    for (const border of borders) expect(border).not.toMatch(/w:val="(?!none)/);
    // The motto underlined, the issuing body bold, the date italic.
    expect(header).toMatch(/<w:u w:val="single"\/>[\s\S]{0,200}Độc lập - Tự do - Hạnh phúc/);
    expect(text).toContain('KẾ HOẠCH\nHoạt động thông tin đối ngoại năm 2020\n');
    expect(text).toContain('Nơi nhận:\n- UBND tỉnh (thay b/c);');
    expect(text).toContain('- Lưu: VT, TTBCXB.\n');
    expect(text).toMatch(/GIÁM ĐỐC\n(\n)+Trần Văn Khoảnh/);
  });

  it('prints an issued plan’s number and date', async () => {
    const { xml } = await documentXml(await renderDocx(planDocument(traVinh2020Plan({ number: 5, issuedOn: '2020-02-09' }))));

    expect(visibleText(xml)).toContain('Số: 05/KH-STTTT-TTBCXB');
    expect(visibleText(xml)).toContain('Trà Vinh, ngày 09 tháng 02 năm 2020');
  });

  it('is an A4 page with the decree’s margins and body paragraphs indented 1.27 cm', async () => {
    const { xml } = await documentXml(await renderDocx(planDocument(traVinh2020Plan())));

    const sectPr = xml.match(/<w:sectPr[\s\S]*?<\/w:sectPr>/)![0];
    expect(sectPr).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(sectPr).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
    expect(xml).toMatch(/<w:ind w:firstLine="720"\/>/);
  });

  it('prints a report’s lines as a bordered table', async () => {
    const model = reportDocument({
      kind: 'quarterly',
      periodLabel: 'quý II năm 2020',
      year: 2020,
      provinceName: 'Trà Vinh',
      parentBody: 'UBND tỉnh Trà Vinh',
      issuerName: 'Sở Thông tin và Truyền thông',
      symbol: 'BC-STTTT',
      number: 12,
      issuedOn: '2020-06-20',
      summary: 'Đã triển khai.',
      lines: [{ content: 'Sản xuất 02 phóng sự', status: 'done', achieved: 'Phát sóng', spent: 180_000_000 }],
      recipients: ['UBND tỉnh'],
      signer: { capacityLines: ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'], signerName: 'Nguyễn Văn A' },
    });
    const { xml } = await documentXml(await renderDocx(model));

    expect(visibleText(xml)).toContain('BÁO CÁO\nKết quả thực hiện công tác thông tin đối ngoại quý II năm 2020');
    const lines = rows(tables(xml)[1]);
    expect(lines).toEqual([
      ['Stt', 'Nội dung', 'Tình trạng', 'Kết quả đạt được', 'Kinh phí đã chi'],
      ['01', 'Sản xuất 02 phóng sự', 'Đã hoàn thành', 'Phát sóng', '180.000.000'],
      ['Tổng cộng', '180.000.000'],
    ]);
    expect(tables(xml)[1]).toMatch(/w:val="single"/);
  });
});
