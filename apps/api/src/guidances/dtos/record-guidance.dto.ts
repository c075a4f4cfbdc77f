import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsNotEmpty, IsString, MaxLength, ValidateNested } from 'class-validator';
import { FOCUS_TASKS_MAX, FOCUS_TASK_TITLE_MAX } from '@plancycle/domain';

const rule = (code: string, message: string) => ({ message, context: { code } });
const province = rule('GUIDANCE_PROVINCE_REQUIRED', 'Thiếu mã tỉnh (provinceCode), ví dụ "GL".');
const number = rule('GUIDANCE_NUMBER_INVALID', 'Số, ký hiệu văn bản (documentNumber) phải có dạng "4110/BTTTT-TTĐN".');
const date = rule('GUIDANCE_DATE_INVALID', 'Ngày ban hành (issuedOn) phải có dạng YYYY-MM-DD.');
const issuer = rule('GUIDANCE_ISSUER_REQUIRED', 'Chưa có cơ quan ban hành (issuer).');
const subject = rule('GUIDANCE_SUBJECT_REQUIRED', 'Chưa có trích yếu nội dung văn bản (subject).');
const planYear = rule('GUIDANCE_PLAN_YEAR_INVALID', 'Năm kế hoạch (planYear) phải là một số nguyên.');
const tasks = rule('GUIDANCE_FOCUS_TASKS_INVALID', `Danh sách nhiệm vụ trọng tâm (focusTasks) phải có từ 1 đến ${FOCUS_TASKS_MAX} nhiệm vụ.`);
const taskNumber = rule('GUIDANCE_FOCUS_TASK_NUMBER', 'Số thứ tự của nhiệm vụ phải là một số nguyên.');
const taskTitle = rule('GUIDANCE_FOCUS_TASK_TITLE', `Nội dung nhiệm vụ phải có từ 1 đến ${FOCUS_TASK_TITLE_MAX} ký tự.`);

export class FocusTaskDto {
  @ApiProperty({ example: 2 })
  @IsInt(taskNumber)
  number!: number;

  @ApiProperty({ example: 'Phân công, bố trí cán bộ phụ trách công tác thông tin đối ngoại' })
  @IsString(taskTitle)
  @IsNotEmpty(taskTitle)
  @MaxLength(FOCUS_TASK_TITLE_MAX, taskTitle)
  title!: string;
}

export class RecordGuidanceDto {
  @ApiProperty({ example: 'GL' })
  @IsString(province)
  @IsNotEmpty(province)
  @MaxLength(50, province)
  provinceCode!: string;

  @ApiProperty({ example: '4110/BTTTT-TTĐN' })
  @IsString(number)
  @MaxLength(100, number)
  documentNumber!: string;

  @ApiProperty({ example: '2018-12-04' })
  @IsString(date)
  @MaxLength(10, date)
  issuedOn!: string;

  @ApiProperty({ example: 'Bộ Thông tin và Truyền thông' })
  @IsString(issuer)
  @MaxLength(300, issuer)
  issuer!: string;

  @ApiProperty({ example: 'V/v hướng dẫn xây dựng kế hoạch công tác thông tin đối ngoại năm 2019' })
  @IsString(subject)
  @MaxLength(500, subject)
  subject!: string;

  @ApiProperty({ example: 2019 })
  @IsInt(planYear)
  planYear!: number;

  @ApiProperty({ type: [FocusTaskDto] })
  @IsArray(tasks)
  @ArrayMinSize(1, tasks)
  @ArrayMaxSize(FOCUS_TASKS_MAX, tasks)
  @ValidateNested({ each: true })
  @Type(() => FocusTaskDto)
  focusTasks!: FocusTaskDto[];
}
