import {
  appendixTable,
  appendixTotals,
  documentReference,
  headerBodyName,
  numberLine,
  placeAndDateLine,
  planDocument,
  recipientLines,
  reportDocument,
  reportPeriodLabel,
  type DocumentHeader,
  type ReportDocumentInput,
} from '../document';
import { balancedLines } from '../document/document-layout';
import { traVinh2020Plan } from './fixtures/tra-vinh-2020';
import { giaLai2023Provincial } from './fixtures/gia-lai-provincial-2023';

const header = (overrides: Partial<DocumentHeader> = {}): DocumentHeader => ({
  parentBody: '',
  issuingBody: 'ỦY BAN NHÂN DÂN TỈNH GIA LAI',
  symbol: 'KH-UBND',
  number: 516,
  place: 'Gia Lai',
  date: '2023-03-09',
  year: 2023,
  ...overrides,
});

const text = (paragraph: string | { text: string }) => (typeof paragraph === 'string' ? paragraph : paragraph.text);

describe('the number and date lines of the header (Nghị định 30/2020/NĐ-CP)', () => {
  it('writes the number and symbol with a slash, numbers below 10 with a leading 0', () => {
    expect(numberLine(header())).toBe('Số: 516/KH-UBND');
    expect(numberLine(header({ number: 5 }))).toBe('Số: 05/KH-UBND');
  });

  it('leaves the number blank in a draft, as seed 002 does', () => {
    expect(numberLine(header({ number: null, symbol: 'KH-STTTT-TTBCXB' }))).toMatch(/^Số:\s{4,}\/KH-STTTT-TTBCXB$/);
  });

  it('writes days below 10 and the months 1 and 2 with a leading 0, other months without', () => {
    expect(placeAndDateLine(header({ date: '2020-02-09', place: 'Trà Vinh' }))).toBe('Trà Vinh, ngày 09 tháng 02 năm 2020');
    expect(placeAndDateLine(header({ date: '2021-04-15', place: 'Bình Dương' }))).toBe('Bình Dương, ngày 15 tháng 4 năm 2021');
    expect(placeAndDateLine(header({ date: '2023-03-09' }))).toBe('Gia Lai, ngày 09 tháng 3 năm 2023');
    expect(placeAndDateLine(header({ date: '2020-10-19', place: 'Kiên Giang' }))).toBe('Kiên Giang, ngày 19 tháng 10 năm 2020');
  });

  it('leaves day and month blank in a draft and keeps the year', () => {
    expect(placeAndDateLine(header({ date: null, year: 2020, place: 'Trà Vinh' }))).toMatch(/^Trà Vinh, ngày\s{3,}tháng\s{3,}năm 2020$/);
  });

  it('names the plan in an appendix with its number and date, or blanks', () => {
    expect(documentReference(header({ number: 5 }))).toBe('05/KH-UBND ngày 09/03/2023');
    expect(documentReference(header({ number: null, date: null, year: 2020 }))).toMatch(/^\s+\/KH-UBND ngày\s+\/\s+\/2020$/);
  });

  it('prints bodies in upper case and breaks a long People’s Committee name after ỦY BAN NHÂN DÂN', () => {
    expect(headerBodyName('UBND tỉnh Trà Vinh')).toBe('UBND TỈNH TRÀ VINH');
    expect(headerBodyName('Ủy ban nhân dân tỉnh Gia Lai')).toBe('ỦY BAN NHÂN DÂN\nTỈNH GIA LAI');
    expect(balancedLines('SỞ THÔNG TIN VÀ TRUYỀN THÔNG', 24)).toEqual(['SỞ THÔNG TIN VÀ', 'TRUYỀN THÔNG']);
    expect(balancedLines('ỦY BAN NHÂN DÂN\nTỈNH GIA LAI', 24)).toEqual(['ỦY BAN NHÂN DÂN', 'TỈNH GIA LAI']);
  });

  it('ends every recipient with a semicolon and the last, Lưu, with a full stop', () => {
    expect(recipientLines(['Sở Tài chính;', 'Lưu: VT, TTBCXB'])).toEqual(['- Sở Tài chính;', '- Lưu: VT, TTBCXB.']);
  });
});

describe('planDocument', () => {
  it('turns the Trà Vinh 2020 items into seed 002’s appendix: 7 rows, 200.000.000, Hai trăm triệu đồng', () => {
    const model = planDocument(traVinh2020Plan());

    expect(model.documentType).toBe('KẾ HOẠCH');
    expect(model.appendix?.rows).toHaveLength(7);
    expect(appendixTotals(model.appendix!)).toEqual({ total: 200_000_000, totalText: '200.000.000', inWords: 'Hai trăm triệu đồng' });
    const table = appendixTable(model.appendix!);
    expect(table.columns.map((column) => column.heading)).toEqual(['Stt', 'Nội dung', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian thực hiện', 'Kinh phí']);
    expect(table.rows.map((row) => row[0])).toEqual(['01', '02', '03', '04', '05', '06', '07']);
    expect(table.rows[1].slice(2)).toEqual(['Sở Thông tin và Truyền thông', 'Các Sở, ban, ngành tỉnh, UBND các huyện, thị xã, thành phố', 'Quý II/2020', '200.000.000']);
    expect(table.rows.filter((row) => row[2] === 'Sở Thông tin và Truyền thông')).toHaveLength(6);
    expect(table.total).toEqual({ label: 'Tổng cộng', values: ['200.000.000'] });
    expect(table.note).toBe('Bằng chữ: Hai trăm triệu đồng./.');
  });

  it('has the three sections of a plan, each task with its lead unit and time frame, and ends with ./.', () => {
    const model = planDocument(traVinh2020Plan());

    expect(model.sections.map((section) => section.heading)).toEqual(['I. MỤC ĐÍCH, YÊU CẦU', 'II. NHIỆM VỤ', 'III. TỔ CHỨC THỰC HIỆN']);
    const tasks = model.sections[1].paragraphs.map(text);
    expect(tasks).toContain('- Thời gian thực hiện: Quý II/2020.');
    expect(tasks).toContain('- Kinh phí: 200.000.000 đồng.');
    expect(tasks.filter((line) => /^\d+\. /.test(line))).toHaveLength(7);
    const closing = model.sections[2].paragraphs.map(text);
    expect(closing.join(' ')).toContain('200.000.000 đồng (bằng chữ: Hai trăm triệu đồng)');
    expect(closing[closing.length - 1]).toMatch(/\.\/\.$/);
  });

  it('cites the guidance first among the bases, the last basis ending with a full stop', () => {
    const model = planDocument(
      traVinh2020Plan({
        guidance: { documentNumber: '5740/BTTTT-TTĐN', issuedOn: '2022-11-25', issuer: 'Bộ Thông tin và Truyền thông', subject: 'V/v hướng dẫn xây dựng Kế hoạch công tác thông tin đối ngoại năm 2023' },
      }),
    );

    expect(model.bases[0]).toBe('Căn cứ Công văn số 5740/BTTTT-TTĐN ngày 25/11/2022 của Bộ Thông tin và Truyền thông về việc hướng dẫn xây dựng Kế hoạch công tác thông tin đối ngoại năm 2023;');
    expect(model.bases).toHaveLength(3);
    expect(model.bases[2]).toMatch(/năm 2020\.$/);
  });

  it('keeps a draft’s number and date blank, and prints them once issued', () => {
    expect(planDocument(traVinh2020Plan()).header).toMatchObject({ number: null, date: null, year: 2020, parentBody: 'UBND TỈNH TRÀ VINH', issuingBody: 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG' });
    const issued = planDocument(traVinh2020Plan({ number: 5, issuedOn: '2020-02-09' }));
    expect(numberLine(issued.header)).toBe('Số: 05/KH-STTTT-TTBCXB');
    expect(issued.appendix?.reference).toBe('(Kèm theo Kế hoạch số 05/KH-STTTT-TTBCXB ngày 09/02/2020 của Sở Thông tin và Truyền thông)');
  });

  it('sends it by default to every lead and coordinating unit, then Lưu: VT', () => {
    const model = planDocument(traVinh2020Plan({ recipients: undefined }));

    expect(model.recipients[0]).toBe('Sở Thông tin và Truyền thông (để thực hiện)');
    expect(model.recipients[model.recipients.length - 1]).toBe('Lưu: VT');
    expect(new Set(model.recipients).size).toBe(model.recipients.length);
  });
});

describe('reportDocument', () => {
  const input = (overrides: Partial<ReportDocumentInput> = {}): ReportDocumentInput => ({
    kind: 'quarterly',
    periodLabel: reportPeriodLabel(2020, 2),
    year: 2020,
    provinceName: 'Trà Vinh',
    parentBody: 'UBND tỉnh Trà Vinh',
    issuerName: 'Sở Thông tin và Truyền thông',
    symbol: 'BC-STTTT',
    number: null,
    issuedOn: null,
    summary: 'Quý II, Sở đã triển khai các nhiệm vụ theo kế hoạch.\n\nMột nhiệm vụ còn chậm.',
    lines: [
      { content: 'Sản xuất 02 phóng sự', status: 'done', achieved: 'Phát sóng 02 phóng sự', spent: 180_000_000 },
      { content: 'Chuyên mục thông tin đối ngoại', status: 'in_progress', achieved: '12 tin bài', spent: null },
      { content: 'Tuyên truyền biển, đảo', status: 'not_started', achieved: '', spent: null },
    ],
    recipients: ['UBND tỉnh (b/c)'],
    signer: { capacityLines: ['GIÁM ĐỐC'], signerName: 'Trần Văn Khoảnh' },
    ...overrides,
  });

  it('reports a quarter: counts by status, a table of the lines with what was spent, and Lưu: VT added', () => {
    const model = reportDocument(input());

    expect(model.documentType).toBe('BÁO CÁO');
    expect(model.subject).toBe('Kết quả thực hiện công tác thông tin đối ngoại quý II năm 2020');
    expect(model.sections[0].paragraphs).toEqual(['Quý II, Sở đã triển khai các nhiệm vụ theo kế hoạch.', 'Một nhiệm vụ còn chậm.']);
    const results = model.sections[1];
    expect(text(results.paragraphs[0])).toBe('Tổng số 3 nhiệm vụ: đã hoàn thành 1, đang triển khai 1, chưa triển khai 1; kinh phí đã chi 180.000.000 đồng.');
    const table = results.tables![0];
    expect(table.rows[0]).toEqual(['01', 'Sản xuất 02 phóng sự', 'Đã hoàn thành', 'Phát sóng 02 phóng sự', '180.000.000']);
    expect(table.rows[2][2]).toBe('Chưa triển khai');
    expect(table.total).toEqual({ label: 'Tổng cộng', values: ['180.000.000'] });
    expect(model.recipients).toEqual(['UBND tỉnh (b/c)', 'Lưu: VT']);
    expect(text(results.paragraphs[results.paragraphs.length - 1])).toMatch(/\.\/\.$/);
    expect(model.appendix).toBeNull();
  });

  it('aggregates the province’s report per unit, naming the units that sent nothing', () => {
    const model = reportDocument(
      input({
        kind: 'provincial',
        periodLabel: reportPeriodLabel(2023, null),
        provinceName: 'Gia Lai',
        parentBody: '',
        issuerName: 'Ủy ban nhân dân tỉnh Gia Lai',
        symbol: 'BC-UBND',
        lines: [],
        provincial: giaLai2023Provincial,
        proposals: ['Đề nghị Bộ hỗ trợ tài liệu tuyên truyền.'],
      }),
    );

    expect(model.subject).toBe('Kết quả công tác thông tin đối ngoại năm 2023 trên địa bàn tỉnh Gia Lai');
    expect(model.header.issuingBody).toBe('ỦY BAN NHÂN DÂN\nTỈNH GIA LAI');
    expect(model.sections.map((section) => section.heading)).toEqual(['I. TÌNH HÌNH TRIỂN KHAI', 'II. TỔNG HỢP BÁO CÁO CỦA CÁC CƠ QUAN, ĐƠN VỊ', 'III. ĐỀ XUẤT, KIẾN NGHỊ']);
    const units = model.sections[1];
    expect(units.paragraphs.map(text)).toEqual(['Có 2/3 cơ quan, đơn vị gửi báo cáo.', 'Chưa gửi báo cáo: UBND huyện Đức Cơ.']);
    expect(units.tables![0].total).toEqual({ label: 'Tổng cộng', values: ['11', '9', '250.000.000'] });
  });

  it('titles an annual report as a summary of the year', () => {
    expect(reportDocument(input({ kind: 'annual', periodLabel: reportPeriodLabel(2020, null) })).subject).toBe('Tổng kết công tác thông tin đối ngoại năm 2020');
  });
});
