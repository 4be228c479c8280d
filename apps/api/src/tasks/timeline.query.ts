import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { TIMELINE_MAX, TIMELINE_PAGE } from './task-query.service';

/** One page of a task's timeline, newest first. */
export class TimelineQuery {
  @ApiPropertyOptional({ description: '只取早于该事件 id 的记录（上一页的 timelineNext）' })
  @IsOptional()
  @Matches(/^\d{1,18}$/, { message: 'before 须为事件 id（数字）/ before must be an event id' })
  before?: string;

  @ApiPropertyOptional({ default: TIMELINE_PAGE, maximum: TIMELINE_MAX })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(TIMELINE_MAX)
  limit?: number;
}
