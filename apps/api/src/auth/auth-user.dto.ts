import { ApiProperty } from '@nestjs/swagger';
import { AuthUser, Role, ROLES } from './auth-user';

/** OpenAPI shape of AuthUser (interfaces leave no runtime trace for the document generator). */
export class AuthUserDto implements AuthUser {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'water-air.head' })
  username: string;

  @ApiProperty({ example: '水气股股长' })
  displayName: string;

  @ApiProperty({ enum: ROLES })
  role: Role;

  @ApiProperty({ type: String, nullable: true, example: 'water-air' })
  unitCode: string | null;

  @ApiProperty({ type: [String], example: [] })
  deputyUnits: string[];
}
