import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/** Filters of the open-escalation list. */
export class EscalationListQuery {
  @ApiPropertyOptional({ description: '督办级别（1–9）', minimum: 1, maximum: 9 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'level 须为整数 / level must be an integer' })
  @Min(1)
  @Max(9)
  level?: number;

  @ApiPropertyOptional({ description: '牵头单位代码' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  unit?: string;
}
