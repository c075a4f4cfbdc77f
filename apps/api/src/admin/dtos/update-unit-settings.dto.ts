import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsString, MaxLength, ValidateBy, ValidateIf } from 'class-validator';
import { isDocumentSymbol } from '@plancycle/domain';

const rule = (code: string, message: string) => ({ message, context: { code } });
const flag = rule('UNIT_SETTING_INVALID', 'participatesByDefault và needsAppraisal phải là true hoặc false.');
const reference = rule('UNIT_SETTING_INVALID', 'Mã đơn vị (appraiserUnitCode, approverUnitCode, escalationUnitCode) phải là chuỗi ký tự hoặc null.');
const symbol = rule('UNIT_DOCUMENT_SYMBOL_INVALID', 'Ký hiệu văn bản (documentSymbol) phải có dạng "KH-UBND", "KH-SNgV": chữ và số, nối bằng dấu "-".');

// Absent means "leave as it is". The booleans and the symbol may not be null (ValidateIf instead of
// IsOptional, which would let null through); the unit references may, meaning "none".
const given = (field: string) => ValidateIf((body: Record<string, unknown>) => body[field] !== undefined);
const givenOrNull = (field: string) => ValidateIf((body: Record<string, unknown>) => body[field] !== undefined && body[field] !== null);

export class UpdateUnitSettingsDto {
  @ApiPropertyOptional({ example: true, description: 'Tham gia chu kỳ mới theo mặc định' })
  @given('participatesByDefault')
  @IsBoolean(flag)
  participatesByDefault?: boolean;

  @ApiPropertyOptional({ example: true, description: 'Kế hoạch cần ý kiến thẩm định trước khi phê duyệt' })
  @given('needsAppraisal')
  @IsBoolean(flag)
  needsAppraisal?: boolean;

  @ApiPropertyOptional({ example: 'GL.DUCCO.PVHTT', nullable: true, description: 'Cơ quan thẩm định (đơn vị cùng tỉnh)' })
  @givenOrNull('appraiserUnitCode')
  @IsString(reference)
  @MaxLength(100, reference)
  appraiserUnitCode?: string | null;

  @ApiPropertyOptional({ example: 'GL.DUCCO', nullable: true, description: 'Đơn vị phê duyệt; null: lãnh đạo của chính đơn vị' })
  @givenOrNull('approverUnitCode')
  @IsString(reference)
  @MaxLength(100, reference)
  approverUnitCode?: string | null;

  @ApiPropertyOptional({ example: 'GL.STTTT', nullable: true, description: 'Nơi nhiệm vụ quá hạn được chuyển lên sau lãnh đạo phụ trách' })
  @givenOrNull('escalationUnitCode')
  @IsString(reference)
  @MaxLength(100, reference)
  escalationUnitCode?: string | null;

  @ApiPropertyOptional({ example: 'KH-UBND', description: 'Ký hiệu kế hoạch của đơn vị (số được cấp khi ban hành)' })
  @given('documentSymbol')
  @ValidateBy({ name: 'isDocumentSymbol', validator: { validate: (value) => isDocumentSymbol(value) } }, symbol)
  documentSymbol?: string;
}
