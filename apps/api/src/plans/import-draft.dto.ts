import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { UNIT_CODE_PATTERN, UNIT_KINDS } from '../units/unit-kinds';
import { ReceiptWorkdaysField } from './receipt-workdays.field';

export class NewUnitDto {
  @ApiProperty({ example: '区发展改革委' })
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  name: string;

  @ApiProperty({ enum: UNIT_KINDS })
  @IsIn(UNIT_KINDS, { message: `kind 必须是 ${UNIT_KINDS.join('、')} 之一` })
  kind: string;
}

/** One decision of the preview for a name the unit table does not know. */
export class UnitMappingDto {
  @ApiProperty({ example: '区发改局', description: 'the name as the plan writes it' })
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  name: string;

  @ApiPropertyOptional({ example: 'development-reform', description: 'an existing unit: the name becomes its alias' })
  @IsOptional()
  @Matches(UNIT_CODE_PATTERN, { message: 'unit 应为已有单位的代码' })
  unit?: string;

  @ApiPropertyOptional({ type: NewUnitDto, description: 'or a unit to create' })
  @IsOptional()
  @ValidateNested()
  @Type(() => NewUnitDto)
  create?: NewUnitDto;
}

/** Body of POST /plans/import-draft: the corrected preview and the unit decisions. */
export class ImportDraftDto {
  @ApiProperty({ description: 'the draft POST /plans/preview returned, corrected' })
  @IsObject()
  draft: Record<string, unknown>;

  @ApiPropertyOptional({ type: [UnitMappingDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => UnitMappingDto)
  unitMappings?: UnitMappingDto[];

  @ApiPropertyOptional({ example: 'xinjian-2027' })
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$/, { message: 'planId 只能使用小写字母、数字和连字符（3–64 位）' })
  planId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  confirm?: boolean;

  @ReceiptWorkdaysField()
  receiptWorkdays?: number;

  @ApiPropertyOptional({ description: '序时进度（同 POST /plans/import 的 progress）', example: 'linear' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  progress?: string;
}
