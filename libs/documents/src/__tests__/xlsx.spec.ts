import { Workbook } from 'exceljs';
import { planItemsWorkbook, readPlanItemsWorkbook, reportTableWorkbook } from '..';
import { TRA_VINH_2020_ITEMS, TRA_VINH_UNIT_NAMES, TRA_VINH_UNITS } from './fixtures/tra-vinh-2020-items';

async function openSheet(buffer: Buffer) {
  const workbook = new Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook.worksheets[0];
}

const traVinhAppendix = () =>
  planItemsWorkbook({
    title: 'Danh mục nhiệm vụ hoạt động thông tin đối ngoại năm 2020',
    unitName: 'Sở Thông tin và Truyền thông Trà Vinh',
    year: 2020,
    items: TRA_VINH_2020_ITEMS,
    unitNames: TRA_VINH_UNIT_NAMES,
  });

describe('the plan items workbook', () => {
  it('prints the Trà Vinh 2020 appendix with its header, rows, total and total in words', async () => {
    const sheet = await openSheet(await traVinhAppendix());

    expect(sheet.getCell('A1').value).toBe('PHỤ LỤC');
    expect(sheet.getCell('A2').value).toBe('Danh mục nhiệm vụ hoạt động thông tin đối ngoại năm 2020');
    expect(sheet.getRow(5).values).toEqual([undefined, 'Stt', 'Nội dung', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian thực hiện', 'Kinh phí (đồng)']);
    expect(sheet.getCell('C5').font.bold).toBe(true);
    expect(sheet.getRow(7).values).toEqual([
      undefined,
      2,
      TRA_VINH_2020_ITEMS[1].content,
      'Sở Thông tin và Truyền thông',
      'Ban Tuyên giáo Tỉnh ủy; Sở Kế hoạch và Đầu tư; Sở Văn hóa, Thể thao và Du lịch; Văn phòng UBND tỉnh; Sở Nông nghiệp và Phát triển Nông thôn; Sở Công thương; Đài Phát thanh – Truyền hình Trà Vinh',
      'Quý II/2020',
      200_000_000,
    ]);
    expect(sheet.getCell('F7').numFmt).toBe('#,##0');
    expect(sheet.getCell('F6').value).toBeNull();
    expect(sheet.getCell('E8').value).toBe('Thường xuyên trong năm');

    expect(sheet.getCell('A13').value).toBe('Tổng cộng:');
    expect(sheet.getCell('F13').value).toEqual({ formula: 'SUM(F6:F12)', result: 200_000_000 });
    expect(sheet.getCell('F13').result).toBe(200_000_000);
    expect(sheet.getCell('A14').value).toBe('Bằng chữ: Hai trăm triệu đồng./.');
  });

  it('keeps the header in view and prints on A4 landscape', async () => {
    const sheet = await openSheet(await traVinhAppendix());

    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 5 });
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1, printTitlesRow: '5:5' });
    expect(sheet.getColumn(2).width).toBe(60);
    expect(sheet.getCell('B6').alignment.wrapText).toBe(true);
  });

  it('reads back exactly the items it wrote', async () => {
    const read = await readPlanItemsWorkbook(await traVinhAppendix(), { cycleYear: 2020, units: TRA_VINH_UNITS });

    expect(read.problems).toEqual([]);
    expect(read.items).toEqual(TRA_VINH_2020_ITEMS);
  });

  it('writes a plan without items with a zero total', async () => {
    const buffer = await planItemsWorkbook({ title: 'Danh mục', unitName: 'Sở', year: 2020, items: [], unitNames: new Map() });
    const sheet = await openSheet(buffer);

    expect(sheet.getCell('F6').value).toBe(0);
    expect(sheet.getCell('A7').value).toBe('Bằng chữ: Không đồng./.');
  });
});

describe('the report table workbook', () => {
  it('writes the title, the header and one row per record, empty where a value is null', async () => {
    const buffer = await reportTableWorkbook({
      title: 'Báo cáo quý II năm 2020',
      columns: [
        { header: 'Đơn vị', key: 'unit', width: 40 },
        { header: 'Tiến độ', key: 'status' },
        { header: 'Kinh phí đã chi (đồng)', key: 'spent', numFmt: '#,##0' },
      ],
      rows: [
        { unit: 'Sở Thông tin và Truyền thông', status: 'Đã hoàn thành', spent: 200_000_000 },
        { unit: 'Công an tỉnh', status: 'Chưa thực hiện', spent: null },
      ],
    });
    const sheet = await openSheet(buffer);

    expect(sheet.getCell('A1').value).toBe('Báo cáo quý II năm 2020');
    expect(sheet.getRow(2).values).toEqual([undefined, 'Đơn vị', 'Tiến độ', 'Kinh phí đã chi (đồng)']);
    expect(sheet.getRow(3).values).toEqual([undefined, 'Sở Thông tin và Truyền thông', 'Đã hoàn thành', 200_000_000]);
    expect(sheet.getRow(4).values).toEqual([undefined, 'Công an tỉnh', 'Chưa thực hiện']);
    expect(sheet.getCell('C3').numFmt).toBe('#,##0');
    expect(sheet.getColumn(1).width).toBe(40);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape' });
  });
});
