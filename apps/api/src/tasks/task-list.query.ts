import { Type } from 'class-transformer';
import { IsDateString, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { SOURCE_KINDS, SourceKind } from '@duban/domain/items/source-kinds';

export const TASK_SORT_FIELDS = ['code', 'dueAt', 'light', 'updatedAt', 'escalation'] as const;
export const TRAFFIC_LIGHTS = ['green', 'yellow', 'red', 'none'] as const;

/** Filters of the ledger (督办台账). Every field optional; combined with AND. */
export class TaskListQuery {
  @ApiPropertyOptional({ description: '计划 id' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  planId?: string;

  @ApiPropertyOptional({ description: '单位代码（牵头或配合）' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  unit?: string;

  @ApiPropertyOptional({ enum: ['lead', 'cooperating', 'any'], description: '单位角色' })
  @IsOptional()
  @IsIn(['lead', 'cooperating', 'any'])
  unitRole?: 'lead' | 'cooperating' | 'any';

  @ApiPropertyOptional({ description: '任务状态' })
  @IsOptional()
  @IsString()
  @MaxLength(24)
  status?: string;

  @ApiPropertyOptional({ enum: TRAFFIC_LIGHTS, description: '红黄绿灯' })
  @IsOptional()
  @IsIn(TRAFFIC_LIGHTS)
  light?: (typeof TRAFFIC_LIGHTS)[number];

  @ApiPropertyOptional({ description: '当前阶段 key' })
  @IsOptional()
  @IsString()
  @MaxLength(48)
  stage?: string;

  @ApiPropertyOptional({ description: '下一截止时间起（ISO）' })
  @IsOptional()
  @IsDateString()
  dueFrom?: string;

  @ApiPropertyOptional({ description: '下一截止时间止（ISO）' })
  @IsOptional()
  @IsDateString()
  dueTo?: string;

  @ApiPropertyOptional({
    enum: SOURCE_KINDS,
    description: '来源：年度工作要点、领导批示、会议议定、上级交办、建议提案、督察整改、其他',
  })
  @IsOptional()
  @IsIn(SOURCE_KINDS)
  source?: SourceKind;

  @ApiPropertyOptional({ description: '中文全文检索（标题、内容、编号）' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ default: 1, maximum: 100000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100000)
  page?: number;

  @ApiPropertyOptional({ default: 20, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize?: number;

  @ApiPropertyOptional({ enum: TASK_SORT_FIELDS, default: 'code' })
  @IsOptional()
  @IsIn(TASK_SORT_FIELDS)
  sort?: (typeof TASK_SORT_FIELDS)[number];

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'asc' })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  order?: 'asc' | 'desc';
}
