import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** A year's notice as an admin enters it: the notice text to read, or the lists themselves. */
export class CalendarYearBody {
  @ApiPropertyOptional({ description: '通知正文（粘贴国务院办公厅通知全文，自动读取放假和调休上班日期）' })
  @IsOptional()
  @IsString()
  @MaxLength(20_000)
  noticeText?: string;

  @ApiPropertyOptional({ type: [String], description: '放假日期（YYYY-MM-DD）；给出时优先于通知正文' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(120)
  @IsString({ each: true })
  @MaxLength(10, { each: true })
  holidays?: string[];

  @ApiPropertyOptional({ type: [String], description: '调休上班日期（YYYY-MM-DD，须为周六或周日）' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(60)
  @IsString({ each: true })
  @MaxLength(10, { each: true })
  makeupWorkdays?: string[];

  @ApiPropertyOptional({ example: '国办发明电〔2026〕7号', description: '通知文号' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  docNumber?: string;

  @ApiPropertyOptional({ example: '2026-11-12', description: '通知发布日期' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'issuedOn 须为 YYYY-MM-DD 日期' })
  issuedOn?: string;
}
