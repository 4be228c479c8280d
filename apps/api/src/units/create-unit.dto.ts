import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { UNIT_CODE_PATTERN, UNIT_KINDS, UnitKind } from './unit-kinds';

export class CreateUnitDto {
  @ApiProperty({ example: 'solid-waste', description: 'Stable lower-case code; cannot be changed later.' })
  @IsString({ message: 'code 必须是字符串 / code must be a string' })
  @Matches(UNIT_CODE_PATTERN, {
    message: 'code 只能含小写字母、数字和连字符，最长 64 / code: lower-case letters, digits and hyphens, at most 64',
  })
  code: string;

  @ApiProperty({ example: '固废股' })
  @IsString({ message: 'name 必须是字符串 / name must be a string' })
  @MinLength(1, { message: 'name 不能为空 / name must not be empty' })
  @MaxLength(128, { message: 'name 最长 128 个字符 / name is at most 128 characters' })
  name: string;

  @ApiPropertyOptional({ type: [String], example: ['固废科'] })
  @IsOptional()
  @IsArray({ message: 'aliases 必须是字符串数组 / aliases must be an array of strings' })
  @ArrayMaxSize(32, { message: 'aliases 最多 32 个 / at most 32 aliases' })
  @IsString({ each: true, message: 'aliases 的每一项必须是字符串 / each alias must be a string' })
  @MinLength(1, { each: true, message: 'aliases 不能含空串 / aliases must not be empty strings' })
  @MaxLength(128, { each: true, message: 'alias 最长 128 个字符 / an alias is at most 128 characters' })
  aliases?: string[];

  @ApiProperty({ enum: UNIT_KINDS })
  @IsIn(UNIT_KINDS, {
    message: `kind 必须是 ${UNIT_KINDS.join('、')} 之一 / kind must be one of ${UNIT_KINDS.join(', ')}`,
  })
  kind: UnitKind;

  @ApiPropertyOptional({ example: '生态环境局', nullable: true })
  @IsOptional()
  @IsString({ message: 'parentBody 必须是字符串 / parentBody must be a string' })
  @MaxLength(128, { message: 'parentBody 最长 128 个字符 / parentBody is at most 128 characters' })
  parentBody?: string | null;
}
