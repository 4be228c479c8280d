import { ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { CreateUserDto } from './create-user.dto';

/**
 * Partial change of an account; `password` resets it, `active: false` deactivates it (effective on
 * the account's next request). The username is permanent: the audit log refers to it.
 */
export class UpdateUserDto extends PartialType(OmitType(CreateUserDto, ['username'] as const)) {
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: 'active 必须是布尔值 / active must be a boolean' })
  active?: boolean;
}
