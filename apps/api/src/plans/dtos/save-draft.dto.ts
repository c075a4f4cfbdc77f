import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsNumber, IsObject, IsOptional, IsString, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';

const rule = (code: string, message: string) => ({ message, context: { code } });
const items = rule('PLAN_ITEMS_INVALID', 'Danh sách nội dung (items) phải là một mảng, tối đa 500 dòng.');
const text = (field: string) => rule('PLAN_ITEM_FIELD_INVALID', `Trường ${field} của một dòng kế hoạch phải là văn bản.`);

export class PlanItemDto {
  @ApiProperty({ example: 'item-1', description: 'Mã dòng, giữ nguyên qua các phiên bản' })
  @IsString(text('id'))
  @MaxLength(100, text('id'))
  id!: string;

  @ApiProperty({ example: 'Tổ chức hội nghị tuyên truyền về biên giới tại 03 điểm cho 750 đại biểu' })
  @IsString(text('content'))
  content!: string;

  @ApiProperty({ example: 'GL.DUCCO.IADOM', description: 'Đơn vị chủ trì' })
  @IsString(text('leadUnitCode'))
  @MaxLength(100, text('leadUnitCode'))
  leadUnitCode!: string;

  @ApiProperty({ example: ['GL.BDBP'], description: 'Đơn vị phối hợp' })
  @IsArray(text('coordinatingUnitCodes'))
  @ArrayMaxSize(100, text('coordinatingUnitCodes'))
  @IsString({ ...text('coordinatingUnitCodes'), each: true })
  coordinatingUnitCodes!: string[];

  @ApiProperty({ example: { kind: 'quarter', year: 2027, quarter: 2 }, description: 'Thời gian thực hiện: quarter | month | year | regular | lead_unit_schedule' })
  @IsObject(rule('TIME_FRAME_INVALID', 'Thời gian thực hiện (timeFrame) không hợp lệ.'))
  timeFrame!: Record<string, unknown>;

  @ApiPropertyOptional({ example: 200000000, nullable: true, description: 'Kinh phí, đồng (số nguyên); null nếu không có' })
  @ValidateIf((item: PlanItemDto) => item.budget !== null)
  @IsNumber({}, rule('PLAN_ITEM_BUDGET_INVALID', 'Kinh phí phải là một số (đồng) hoặc null.'))
  budget!: number | null;

  @ApiProperty({ example: [8], description: 'Số các nhiệm vụ trọng tâm của văn bản hướng dẫn mà dòng này thực hiện' })
  @IsArray(rule('PLAN_ITEM_FIELD_INVALID', 'focusTaskNumbers phải là một mảng số.'))
  @IsInt({ ...rule('PLAN_ITEM_FIELD_INVALID', 'focusTaskNumbers phải là một mảng số nguyên.'), each: true })
  focusTaskNumbers!: number[];

  @ApiPropertyOptional({ example: null, nullable: true, description: 'Dòng của kế hoạch tỉnh mà dòng này thực hiện' })
  @IsOptional()
  @IsString(text('sourceItemId'))
  sourceItemId?: string | null;
}

export class SaveDraftDto {
  @ApiProperty({ example: 1, description: 'Phiên bản đang dự thảo' })
  @IsInt(rule('PLAN_VERSION_INVALID', 'Phiên bản (version) phải là số nguyên dương.'))
  @Min(1, rule('PLAN_VERSION_INVALID', 'Phiên bản (version) phải là số nguyên dương.'))
  version!: number;

  @ApiProperty({ type: [PlanItemDto] })
  @IsArray(items)
  @ArrayMaxSize(500, items)
  @ValidateNested({ each: true })
  @Type(() => PlanItemDto)
  items!: PlanItemDto[];
}
