import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDateString,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { SOURCE_KINDS, SourceKind } from '@duban/domain/items/source-kinds';
import { URGENCY_CLASSES, UrgencyClass } from '@duban/domain/items/urgency';
import { TaskKind } from '@duban/domain/task/task-types';
import { ReceiptWorkdaysField } from '../plans/receipt-workdays.field';
import { UNIT_CODE_PATTERN } from '../units/unit-kinds';

/** Sources a registration may name: every one but the plan document, which comes by import. */
export const REGISTERED_SOURCES = SOURCE_KINDS.filter((k) => k !== 'workplan');
/** Stage templates a registrar may choose: 交办件 (办理 → 销号), a plan-like task, a rectification. */
export const REGISTERED_KINDS: readonly TaskKind[] = ['assigned', 'annual', 'rectification'];

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** 立项: one item the supervision office registers, to run like a plan's task. */
export class RegisterItemDto {
  @ApiProperty({ example: '落实区委常委会关于秸秆禁烧的部署' })
  @Transform(trim)
  @IsString({ message: 'title 必须是字符串 / title must be a string' })
  @MinLength(2, { message: '事项名称至少 2 个字 / title needs at least 2 characters' })
  @MaxLength(200, { message: '事项名称最长 200 字 / title is at most 200 characters' })
  title: string;

  @ApiPropertyOptional({ description: '事项内容、批示原文或会议要求' })
  @IsOptional()
  @IsString({ message: 'body 必须是字符串 / body must be a string' })
  @MaxLength(5000, { message: '事项内容最长 5000 字 / body is at most 5000 characters' })
  body?: string;

  @ApiProperty({ enum: REGISTERED_SOURCES, description: '来源类别' })
  @IsIn(REGISTERED_SOURCES, { message: '请选择来源类别 / sourceKind must be one of the registered sources' })
  sourceKind: Exclude<SourceKind, 'workplan'>;

  @ApiPropertyOptional({ example: '区委办〔2027〕3号' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(64, { message: '文号最长 64 字 / docNumber is at most 64 characters' })
  docNumber?: string;

  @ApiPropertyOptional({ example: '2027-01-05', description: '来文（批示、会议）日期' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: '来文日期应为 YYYY-MM-DD / issuedOn must be YYYY-MM-DD' })
  issuedOn?: string;

  @ApiPropertyOptional({ example: '区委办公室', description: '交办单位、批示领导或会议名称' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(128, { message: '交办单位最长 128 字 / issuer is at most 128 characters' })
  issuer?: string;

  @ApiProperty({ example: 'water-air', description: '牵头单位代码' })
  @Matches(UNIT_CODE_PATTERN, { message: '请选择牵头单位 / leadUnit must be a unit code' })
  leadUnit: string;

  @ApiPropertyOptional({ type: [String], example: ['monitoring'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(32, { message: '配合单位最多 32 个 / at most 32 cooperating units' })
  @Matches(UNIT_CODE_PATTERN, { each: true, message: '配合单位代码有误 / malformed cooperating unit code' })
  cooperatingUnits?: string[];

  @ApiPropertyOptional({
    example: 'enforcement',
    description: '核实单位代码：其负责人与督查室均可核实销号（可不填：由督查室核实）',
  })
  @IsOptional()
  @Matches(UNIT_CODE_PATTERN, { message: '核实单位代码有误 / malformed verifying unit code' })
  verifyingUnit?: string;

  @ApiPropertyOptional({ example: '2027-03-31', description: '办结期限；与 urgency 二选一' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: '办结期限应为 YYYY-MM-DD / dueDate must be YYYY-MM-DD' })
  dueDate?: string;

  @ApiPropertyOptional({ enum: URGENCY_CLASSES, description: '紧急程度：按工作日推算期限；与 dueDate 二选一' })
  @IsOptional()
  @IsIn(URGENCY_CLASSES, { message: '紧急程度有误 / urgency must be one of the urgency classes' })
  urgency?: UrgencyClass;

  @ApiPropertyOptional({ enum: REGISTERED_KINDS, default: 'assigned', description: '阶段模板' })
  @IsOptional()
  @IsIn(REGISTERED_KINDS, { message: '阶段模板有误 / kind must be assigned, annual or rectification' })
  kind?: TaskKind;

  @ApiPropertyOptional({
    type: [Number],
    example: [3, 1, 0],
    description: '催办：到期前的工作日数（0 为到期当日）；不填按默认 5、3、1、0',
  })
  @IsOptional()
  @IsArray({ message: 'reminderOffsets 必须是数组 / reminderOffsets must be an array' })
  @IsInt({ each: true, message: '催办应为整数个工作日 / reminderOffsets must be whole workdays' })
  reminderOffsets?: number[];

  @ApiPropertyOptional({
    type: [Number],
    example: [1, 2, 3],
    description: '督办：逾期后几个工作日依次升至股长、分管领导、督查室；不填按默认 1、3、5',
  })
  @IsOptional()
  @IsArray({ message: 'escalationAfterWorkdays 必须是数组 / escalationAfterWorkdays must be an array' })
  @IsInt({ each: true, message: '督办应为整数个工作日 / escalationAfterWorkdays must be whole workdays' })
  escalationAfterWorkdays?: number[];

  @ReceiptWorkdaysField()
  receiptWorkdays?: number;

  @ApiPropertyOptional({ description: '加入已有批次（批次的计划 id）；不填则新建批次' })
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$/, { message: '批次标识有误 / malformed batchId' })
  batchId?: string;

  @ApiPropertyOptional({ example: '2027年第1次局务会议定事项', description: '新批次的名称；不填则用事项名称' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200, { message: '批次名称最长 200 字 / batchTitle is at most 200 characters' })
  batchTitle?: string;
}
