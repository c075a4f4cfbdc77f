import { randomBytes } from 'node:crypto';
import { Workbook } from 'exceljs';
import { readPlanItemsWorkbook, readTimeFrameText } from '..';
import { TRA_VINH_2020_ITEMS, TRA_VINH_UNITS } from './fixtures/tra-vinh-2020-items';

type CellInput = string | number | null;

/** A sheet typed the way seed 002's appendix is: title lines, the header on row 5, the table, the total. */
async function seedShapedWorkbook(rows: CellInput[][], header: CellInput[] = ['Stt', 'Nội dung', 'Cơ quan chủ trì', 'Cơ quan phối hợp thực hiện', 'Thời gian Thực hiện', 'Kinh phí']) {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  sheet.addRow(['PHỤ LỤC']);
  sheet.addRow(['Danh mục nhiệm vụ hoạt động thông tin đối ngoại năm 2020']);
  sheet.addRow(['(Kèm theo Kế hoạch số /KH-STTTT-TTBCXB ngày /02/2020 của Sở Thông tin và Truyền thông Trà Vinh)']);
  sheet.addRow(['Đơn vị tính: Việt Nam đồng']);
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  sheet.addRow(['Tổng cộng:', null, null, null, null, '200.000.000đ']);
  sheet.addRow(['Bằng chữ: Hai trăm triệu đồng./.']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const options = { cycleYear: 2020, units: TRA_VINH_UNITS };
const [first, second] = TRA_VINH_2020_ITEMS;

describe('importing plan items from a sheet shaped like the appendix', () => {
  it('reads the seed’s own spellings: STT, comma-separated units, text budgets and rows split in two', async () => {
    const buffer = await seedShapedWorkbook(
      [
        ['01', first.content, 'Sở Thông tin và Truyền thông', 'Báo Trà Vinh, Đài Phát thanh – Truyền hình Trà Vinh', 'Trong năm 2020', null],
        ['02', 'Phối hợp với Trung tâm thông tin điện tử đối ngoại thuộc Cục Thông tin đối ngoại,', 'sở thông tin và truyền thông', 'Ban Tuyên giáo Tỉnh ủy, Sở Kế hoạch và Đầu tư, Sở Văn hoá, Thể thao và Du lịch,', 'Quý 2/2020', '200.000.000'],
        [null, second.content.slice('Phối hợp với Trung tâm thông tin điện tử đối ngoại thuộc Cục Thông tin đối ngoại, '.length), null, 'Văn phòng UBND tỉnh\nTV.SNNPTNT; Sở Công thương; Đài Phát thanh – Truyền hình Trà Vinh', null, null],
        ['03', 'Theo dõi và tổng hợp dư luận báo chí Trung ương viết về Trà Vinh.', 'TV.STTTT', 'Công an tỉnh', 'Thường xuyên trong năm 2020', '5.000.000đ'],
        ['04', 'Tháng bảy', 'Sở Thông tin và Truyền thông', null, 'Tháng 7 năm 2020', 1_500_000],
        ['05', 'Theo kế hoạch', 'Sở Thông tin và Truyền thông', '', 'Theo kế hoạch của cơ quan chủ trì', ''],
      ],
      ['STT', 'NỘI DUNG', 'Cơ quan  chủ trì', 'Cơ quan phối hợp thực hiện', 'Thời gian thực hiện', 'Kinh phí (đồng)'],
    );

    const { items, problems } = await readPlanItemsWorkbook(buffer, options);

    expect(problems).toEqual([]);
    expect(items.map((item) => item.id)).toEqual(['1', '2', '3', '4', '5']);
    expect(items[0]).toEqual({ ...first, coordinatingUnitCodes: ['TV.BAO', 'TV.DAI'] });
    expect(items[1]).toEqual(second);
    expect(items[2]).toMatchObject({ leadUnitCode: 'TV.STTTT', coordinatingUnitCodes: ['TV.CA'], timeFrame: { kind: 'regular' }, budget: 5_000_000 });
    expect(items[3]).toMatchObject({ timeFrame: { kind: 'month', year: 2020, month: 7 }, budget: 1_500_000, coordinatingUnitCodes: [] });
    expect(items[4]).toMatchObject({ timeFrame: { kind: 'lead_unit_schedule' }, budget: null });
  });

  it('reports one problem per bad row, at its Excel row, and keeps only the good rows for a preview', async () => {
    const buffer = await seedShapedWorkbook([
      ['01', 'Một dòng đúng', 'Sở Thông tin và Truyền thông', 'Công an tỉnh', 'Quý II/2020', '200.000.000'],
      ['02', 'Đơn vị lạ', 'Sở Thông tin và Truyền thông', 'Công an tỉnh; Sở Ngoại vụ', 'Trong năm 2020', null],
      ['03', 'Quý không có', 'Sở Thông tin và Truyền thông', null, 'Quý V/2020', null],
      ['04', 'Kinh phí sai', 'Sở Thông tin và Truyền thông', null, 'Trong năm 2020', '12abc'],
      ['05', null, 'Sở Thông tin và Truyền thông', null, 'Trong năm 2020', null],
      ['06', 'Năm khác', 'Sở Thông tin và Truyền thông', null, 'Trong năm 2021', null],
      ['07', 'Chủ trì lạ', 'Sở Ngoại vụ', null, 'Trong năm 2020', null],
    ]);

    const { items, problems } = await readPlanItemsWorkbook(buffer, options);

    expect(problems.map(({ row, field, code }) => ({ row, field, code }))).toEqual([
      { row: 7, field: 'coordinatingUnitCodes', code: 'XLSX_UNIT_UNKNOWN' },
      { row: 8, field: 'timeFrame', code: 'XLSX_TIME_FRAME_INVALID' },
      { row: 9, field: 'budget', code: 'XLSX_BUDGET_INVALID' },
      { row: 10, field: 'content', code: 'XLSX_CONTENT_MISSING' },
      { row: 11, field: 'timeFrame', code: 'XLSX_TIME_FRAME_INVALID' },
      { row: 12, field: 'leadUnitCode', code: 'XLSX_UNIT_UNKNOWN' },
    ]);
    expect(problems[0].message).toBe('Dòng 7: không có cơ quan phối hợp "Sở Ngoại vụ" trong danh sách đơn vị của tỉnh; hãy ghi đúng tên đơn vị, cách nhau bằng dấu ";".');
    expect(problems[4].message).toBe('Dòng 11: thời gian thực hiện "Trong năm 2021" không thuộc năm 2020 của kế hoạch.');
    expect(items).toEqual([expect.objectContaining({ id: '1', content: 'Một dòng đúng', budget: 200_000_000 })]);
  });

  it('adds the domain’s own checks, at the Excel row of the item', async () => {
    const buffer = await seedShapedWorkbook([
      ['01', 'Đúng', 'Sở Thông tin và Truyền thông', null, 'Trong năm 2020', null],
      ['02', 'Chủ trì cũng phối hợp', 'Sở Thông tin và Truyền thông', 'Công an tỉnh; Sở Thông tin và Truyền thông', 'Trong năm 2020', null],
    ]);

    const { problems } = await readPlanItemsWorkbook(buffer, options);

    expect(problems).toEqual([
      { row: 7, field: 'coordinatingUnitCodes', code: 'PLAN_ITEM_LEAD_COORDINATES', message: 'Dòng 7: đơn vị chủ trì không đồng thời là đơn vị phối hợp.' },
    ]);
  });

  it('refuses a file that is not a workbook', async () => {
    const { items, problems } = await readPlanItemsWorkbook(randomBytes(2048), options);

    expect(items).toEqual([]);
    expect(problems).toEqual([expect.objectContaining({ row: 0, field: 'file', code: 'XLSX_FILE_INVALID' })]);
  });

  it('refuses a workbook without the appendix header', async () => {
    const workbook = new Workbook();
    workbook.addWorksheet('Sheet1').addRow(['Họ tên', 'Đơn vị']);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());

    const { problems } = await readPlanItemsWorkbook(buffer, options);

    expect(problems.map((problem) => problem.code)).toEqual(['XLSX_HEADER_NOT_FOUND']);
  });

  it('refuses a table without any row', async () => {
    const { problems } = await readPlanItemsWorkbook(await seedShapedWorkbook([]), options);

    expect(problems.map((problem) => problem.code)).toEqual(['XLSX_NO_ITEMS']);
  });
});

describe('reading a time frame as the seeds write it', () => {
  it.each([
    ['Quý II/2020', { kind: 'quarter', year: 2020, quarter: 2 }],
    ['Quý 2/2020', { kind: 'quarter', year: 2020, quarter: 2 }],
    ['quý IV năm 2020', { kind: 'quarter', year: 2020, quarter: 4 }],
    ['Tháng 7 năm 2020', { kind: 'month', year: 2020, month: 7 }],
    ['Tháng 12/2020', { kind: 'month', year: 2020, month: 12 }],
    ['Trong năm 2020', { kind: 'year', year: 2020 }],
    ['Năm 2020', { kind: 'year', year: 2020 }],
    ['Thường xuyên trong năm', { kind: 'regular' }],
    ['Thường xuyên trong năm 2020', { kind: 'regular' }],
    ['Thường xuyên', { kind: 'regular' }],
    ['Theo kế hoạch của cơ quan chủ trì', { kind: 'lead_unit_schedule' }],
  ])('reads "%s"', (text, frame) => {
    expect(readTimeFrameText(text, 2020)).toEqual({ frame });
  });

  it.each(['Quý V/2020', 'Quý 0/2020', 'Tháng 13 năm 2020', 'Quý II/2021', 'Thường xuyên trong năm 2019', 'Sớm', ''])('refuses "%s"', (text) => {
    expect(readTimeFrameText(text, 2020)).toEqual({ error: expect.any(String) });
  });
});
