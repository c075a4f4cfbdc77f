/**
 * A plan (Kế hoạch) as officials print it, from the plan's items: purpose and requirements, the
 * tasks, how it is carried out, and the appendix table of seed 002 with its total in words.
 */
import { formatVietnameseDate, formatVnd, planBudgetTotal, timeFrameLabel, vndInWords, type LocalDate, type PlanItem } from '@plancycle/domain';
import { documentHeader, documentReference, type DocumentIssuer, type DocumentModel, type DocumentParagraph, type DocumentSection, type Signature } from './document-model';

/** The ministry's letter the plan follows (a Guidance, as the bases cite it). */
export interface GuidanceReference {
  /** `5740/BTTTT-TTĐN` */
  documentNumber: string;
  issuedOn: LocalDate;
  /** `Bộ Thông tin và Truyền thông` */
  issuer: string;
  /** `V/v hướng dẫn xây dựng kế hoạch công tác thông tin đối ngoại năm 2023` */
  subject: string;
}

export interface PlanDocumentInput extends DocumentIssuer {
  /** Null when the cycle has no guidance recorded yet. */
  guidance: GuidanceReference | null;
  /** More `Căn cứ` lines after the guidance, e.g. the provincial plan a unit's plan carries out. */
  otherBases?: string[];
  items: readonly PlanItem[];
  /** Unit code → name, for the lead and coordinating units. */
  unitNames: ReadonlyMap<string, string>;
  /** Who monitors the plan and receives the reports; defaults to the issuer. */
  coordinatorName?: string;
  /** Nơi nhận; defaults to the lead and coordinating units, then `Lưu: VT`. */
  recipients?: string[];
  signer: Signature;
}

export function planDocument(input: PlanDocumentInput): DocumentModel {
  const { year } = input;
  const coordinator = input.coordinatorName ?? input.issuerName;
  const unitName = (code: string) => input.unitNames.get(code) ?? code;
  const bases = [
    ...(input.guidance ? [guidanceBasis(input.guidance)] : []),
    ...(input.otherBases ?? []).map((basis) => basis.trim()),
  ].map((basis, index, all) => basis.replace(/[;.]+$/, '') + (index === all.length - 1 ? '.' : ';'));

  return {
    header: documentHeader(input),
    documentType: 'KẾ HOẠCH',
    subject: `Hoạt động thông tin đối ngoại năm ${year}`,
    bases,
    opening: `${input.issuerName} ban hành Kế hoạch hoạt động thông tin đối ngoại năm ${year}, cụ thể như sau:`,
    sections: [purposeSection(input.provinceName, year), tasksSection(input.items, unitName, year), organisationSection(input.items, coordinator)],
    appendix: {
      title: 'PHỤ LỤC',
      subtitle: `Danh mục nhiệm vụ hoạt động thông tin đối ngoại năm ${year}`,
      reference: `(Kèm theo Kế hoạch số ${documentReference({ symbol: input.symbol, number: input.number, date: input.issuedOn, year })} của ${input.issuerName})`,
      rows: input.items.map((item) => ({
        content: item.content,
        leadUnit: unitName(item.leadUnitCode),
        coordinatingUnits: item.coordinatingUnitCodes.map(unitName).join(', '),
        timeFrame: timeFrameLabel(item.timeFrame),
        budget: item.budget,
      })),
    },
    recipients: input.recipients ?? defaultRecipients(input.items, unitName),
    signature: input.signer,
  };
}

/** `Căn cứ Công văn số 5740/BTTTT-TTĐN ngày 25/11/2022 của Bộ Thông tin và Truyền thông về việc hướng dẫn …` */
function guidanceBasis(guidance: GuidanceReference): string {
  const subject = guidance.subject.trim().replace(/^V\/v\s*/i, '');
  return `Căn cứ Công văn số ${guidance.documentNumber} ngày ${formatVietnameseDate(guidance.issuedOn)} của ${guidance.issuer} về việc ${subject}`;
}

function purposeSection(provinceName: string, year: number): DocumentSection {
  return {
    heading: 'I. MỤC ĐÍCH, YÊU CẦU',
    paragraphs: [
      { text: '1. Mục đích', bold: true },
      `Thông tin, tuyên truyền đường lối, chủ trương của Đảng, chính sách, pháp luật của Nhà nước về thông tin đối ngoại; quảng bá hình ảnh, tiềm năng, thế mạnh của tỉnh ${provinceName} đến bạn bè quốc tế và kiều bào ta ở nước ngoài.`,
      'Nâng cao nhận thức của cán bộ, công chức và Nhân dân về vai trò của công tác thông tin đối ngoại; phát huy sự phối hợp giữa các cơ quan, đơn vị trong triển khai nhiệm vụ.',
      { text: '2. Yêu cầu', bold: true },
      `Các nhiệm vụ được triển khai đúng nội dung, đúng tiến độ trong năm ${year}; bám sát chủ trương của Đảng, Nhà nước và hướng dẫn của cơ quan cấp trên; chấp hành nghiêm quy định về bảo vệ bí mật nhà nước trong hoạt động thông tin đối ngoại.`,
      'Mỗi nhiệm vụ có cơ quan chủ trì, cơ quan phối hợp, thời gian thực hiện và kinh phí rõ ràng; kết quả được báo cáo định kỳ theo quy định.',
    ],
  };
}

function tasksSection(items: readonly PlanItem[], unitName: (code: string) => string, year: number): DocumentSection {
  const paragraphs: DocumentParagraph[] = [];
  items.forEach((item, index) => {
    paragraphs.push({ text: `${index + 1}. ${item.content.trim()}`, bold: true });
    paragraphs.push(`- Cơ quan chủ trì: ${unitName(item.leadUnitCode)}.`);
    if (item.coordinatingUnitCodes.length > 0) paragraphs.push(`- Cơ quan phối hợp: ${item.coordinatingUnitCodes.map(unitName).join(', ')}.`);
    paragraphs.push(`- Thời gian thực hiện: ${timeFrameLabel(item.timeFrame)}.`);
    if (item.budget !== null) paragraphs.push(`- Kinh phí: ${formatVnd(item.budget)} đồng.`);
  });
  if (items.length === 0) paragraphs.push('Kế hoạch chưa có nhiệm vụ.');
  paragraphs.push({ text: `(Chi tiết tại Phụ lục danh mục nhiệm vụ hoạt động thông tin đối ngoại và kinh phí thực hiện năm ${year} kèm theo)`, italic: true });
  return { heading: 'II. NHIỆM VỤ', paragraphs };
}

function organisationSection(items: readonly PlanItem[], coordinator: string): DocumentSection {
  const total = planBudgetTotal(items);
  const budget =
    total > 0
      ? `Tổng kinh phí thực hiện Kế hoạch: ${formatVnd(total)} đồng (bằng chữ: ${vndInWords(total)}), bố trí trong dự toán ngân sách được giao của các cơ quan, đơn vị chủ trì theo phân cấp hiện hành.`
      : 'Các cơ quan, đơn vị chủ trì bố trí kinh phí thực hiện trong dự toán ngân sách được giao theo phân cấp hiện hành.';
  return {
    heading: 'III. TỔ CHỨC THỰC HIỆN',
    paragraphs: [
      `1. ${coordinator} chủ trì theo dõi, kiểm tra, đôn đốc các cơ quan, đơn vị triển khai Kế hoạch; tổng hợp kết quả, báo cáo cấp có thẩm quyền.`,
      '2. Các cơ quan, đơn vị được giao chủ trì xây dựng kế hoạch chi tiết, chủ động phối hợp với các cơ quan, đơn vị liên quan để triển khai nhiệm vụ đúng thời gian; báo cáo kết quả thực hiện định kỳ hằng quý, báo cáo năm và báo cáo đột xuất khi được yêu cầu.',
      `3. ${budget}`,
      `Trong quá trình thực hiện, nếu có phát sinh mới hoặc vướng mắc, đề nghị các cơ quan, đơn vị phản ánh về ${coordinator} để điều chỉnh, bổ sung Kế hoạch cho phù hợp./.`,
    ],
  };
}

function defaultRecipients(items: readonly PlanItem[], unitName: (code: string) => string): string[] {
  const codes = [...new Set(items.flatMap((item) => [item.leadUnitCode, ...item.coordinatingUnitCodes]))];
  return [...codes.map((code) => `${unitName(code)} (để thực hiện)`), 'Lưu: VT'];
}
