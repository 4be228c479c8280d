import { ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { CreateUnitDto } from './create-unit.dto';

/** Everything but the code, which is referenced from tasks, users and workflow ids. */
export class UpdateUnitDto extends PartialType(OmitType(CreateUnitDto, ['code'] as const)) {
  @ApiPropertyOptional({ description: 'false hides the unit from new assignments; history keeps it.' })
  @IsOptional()
  @IsBoolean({ message: 'active 必须是布尔值 / active must be a boolean' })
  active?: boolean;
}
