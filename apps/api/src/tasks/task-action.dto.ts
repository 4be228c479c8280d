import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
} from 'class-validator';

/** 提交阶段成果 / 配合反馈: a note and references to uploaded evidence. */
export class SubmitStageDto {
  @ApiPropertyOptional({ description: '阶段 key（默认当前阶段）' })
  @IsOptional()
  @IsString()
  @MaxLength(48)
  stageKey?: string;

  @ApiProperty({ description: '办理情况说明' })
  @IsString()
  @IsNotEmpty({ message: '请填写办理情况说明' })
  @MaxLength(5000)
  note: string;

  @ApiPropertyOptional({ type: [String], description: '佐证材料 id（先上传）' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('4', { each: true, message: '佐证材料 id 必须是 UUID' })
  evidenceIds?: string[];

  @ApiPropertyOptional({ description: '数量型任务：累计完成数' })
  @IsOptional()
  @Type(() => Number)
  @IsNumber()
  @Min(0)
  quantity?: number;
}

export class NoteDto {
  @ApiPropertyOptional({ description: '说明' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class ReasonDto {
  @ApiProperty({ description: '理由（必填）' })
  @IsString()
  @IsNotEmpty({ message: '请填写理由' })
  @MaxLength(2000)
  reason: string;
}

/** Body of POST …/reopen: a closed rectification found again (反弹回潮). */
export class ReopenDto extends ReasonDto {
  @ApiProperty({ description: '重新整改的期限（YYYY-MM-DD，须在今天以后）', example: '2027-09-30' })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dueDate 须为 YYYY-MM-DD' })
  dueDate: string;
}

export class RequestExtensionDto extends ReasonDto {
  @ApiProperty({ description: '申请延期到（日期 YYYY-MM-DD）', example: '2021-12-15' })
  @IsDateString({ strict: true }, { message: 'newDueDate 必须是 YYYY-MM-DD 日期' })
  newDueDate: string;
}

export class DecideExtensionDto {
  @ApiProperty({ description: '是否批准延期' })
  @IsBoolean()
  approve: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class ReassignDto extends ReasonDto {
  @ApiProperty({ description: '新的牵头单位代码' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  newLeadUnit: string;
}

export class CommentDto {
  @ApiProperty({ description: '评论内容' })
  @IsString()
  @IsNotEmpty({ message: '评论不能为空' })
  @MaxLength(2000)
  text: string;
}

/** 登记整改问题: one problem of a rectification task's ledger (it gets its own workflow, 整改 → 销号). */
export class AddProblemDto {
  @ApiProperty({ description: '问题编号（任务内唯一，如督察报告中的序号）：1–40 位字母、数字、-、_', example: 'P-3' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,40}$/, { message: '问题编号须为 1–40 位字母、数字、-、_' })
  problemId: string;

  @ApiProperty({ description: '问题描述' })
  @IsString()
  @IsNotEmpty({ message: '请填写问题描述' })
  @MaxLength(500)
  title: string;

  @ApiProperty({
    description: '整改期限 YYYY-MM-DD（当天 17:30 截止；节假日提前到上一个工作日）',
    example: '2027-06-30',
  })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '整改期限须为 YYYY-MM-DD' })
  dueDate: string;

  @ApiPropertyOptional({ description: '说明' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}
