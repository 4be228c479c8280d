import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

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

/** A supervisor's settings of an indicator; unset fields keep their value, null restores the default. */
export class IndicatorSettingsBody {
  @ApiPropertyOptional({ example: 'monitoring', description: '责任单位代码（null 恢复默认）', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  ownerUnit?: string | null;

  @ApiPropertyOptional({ enum: ['monthly', 'quarterly', 'annual'], nullable: true })
  @IsOptional()
  @IsIn(['monthly', 'quarterly', 'annual'], { message: 'reportingPeriod 应为 monthly / quarterly / annual' })
  reportingPeriod?: string | null;

  @ApiPropertyOptional({
    enum: ['mean-of-monthly-means', 'ratio-of-days', 'cumulative-count', 'latest-value'],
    nullable: true,
  })
  @IsOptional()
  @IsIn(['mean-of-monthly-means', 'ratio-of-days', 'cumulative-count', 'latest-value'], {
    message: 'ytdMethod 应为 mean-of-monthly-means / ratio-of-days / cumulative-count / latest-value',
  })
  ytdMethod?: string | null;

  @ApiPropertyOptional({ example: 0.05, description: '预警幅度（目标值的比例，0–0.99）', nullable: true })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(0.99)
  warningMargin?: number | null;
}
