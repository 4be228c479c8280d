import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { ReceiptWorkdaysField } from './receipt-workdays.field';

const toBool = ({ value }: { value: unknown }) => value === true || value === 'true' || value === '1';

/** Query options of POST /plans/import. */
export class ImportPlanQuery {
  @ApiPropertyOptional({ description: '只预览，不写入（返回解析结果、警告与差异）' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  dryRun?: boolean;

  @ApiPropertyOptional({ description: '计划标识（默认由年份与标题生成）', example: 'xinjian-2021' })
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$/, { message: 'planId 只能使用小写字母、数字和连字符（3–64 位）' })
  planId?: string;

  @ApiPropertyOptional({ description: '为未知责任单位自动建档' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  createUnknownUnits?: boolean;

  @ReceiptWorkdaysField()
  receiptWorkdays?: number;

  @ApiPropertyOptional({
    description:
      '序时进度：linear（默认，全年均匀）、s-curve（前慢中快后慢）或 quarterly:20,50,80,100（各季度末累计应完成%）；可加 /黄灯,红灯 落后百分点，默认 /10,30',
    example: 'quarterly:20,50,80,100/10,30',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64, { message: 'progress 最长 64 字 / progress is at most 64 characters' })
  progress?: string;

  @ApiPropertyOptional({ description: '确认应用修订版计划的差异' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  confirm?: boolean;
}

/** Query of POST /plans/preview. */
export class PreviewPlanQuery {
  @ApiPropertyOptional({ description: '文件未写年度时按此年度计算期限', example: 2027 })
  @IsOptional()
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt({ message: 'fallbackYear 应为年份' })
  @Min(2000)
  @Max(2099)
  fallbackYear?: number;
}
