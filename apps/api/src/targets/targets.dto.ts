import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNumber, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';

export class ReadingBody {
  @ApiProperty({ example: '2021-09', description: '"2021-09"（月）、"2021-Q3"（季）或 "2021"（年）' })
  @IsString()
  @MaxLength(16)
  period: string;

  @ApiPropertyOptional({ example: 36, description: '数值；优良天数比例可省略（由天数计算）' })
  @IsOptional()
  @IsNumber()
  value?: number;

  @ApiPropertyOptional({ example: 'μg/m³', description: '单位，须与指标单位一致（可省略）' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  unit?: string;

  @ApiPropertyOptional({ description: '优良天数（优良天数比例）' })
  @IsOptional()
  @IsInt()
  @Min(0)
  goodDays?: number;

  @ApiPropertyOptional({ description: '有效监测天数（优良天数比例）' })
  @IsOptional()
  @IsInt()
  @Min(0)
  validDays?: number;
}

export class QualitativeStatusBody {
  @ApiProperty({ enum: ['on-track', 'at-risk', 'off-track', 'achieved'] })
  @IsIn(['on-track', 'at-risk', 'off-track', 'achieved'], {
    message: 'status 应为 on-track / at-risk / off-track / achieved',
  })
  status: 'on-track' | 'at-risk' | 'off-track' | 'achieved';

  @ApiPropertyOptional({ example: '整治进度偏慢' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class TargetsQuery {
  @ApiProperty({ example: 'kpi-2021' })
  @IsString()
  planId: string;

  @ApiPropertyOptional({ example: '2021-10-15', description: '计算日期（默认今天，上海时间）' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'asOf 应为 YYYY-MM-DD' })
  asOf?: string;
}
