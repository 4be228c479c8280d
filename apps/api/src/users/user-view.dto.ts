import { ApiProperty } from '@nestjs/swagger';
import { UserEntity } from '@duban/persistence/entities';
import { Role, ROLES } from '../auth/auth-user';

/** An account as admins see it: everything but the password hash. */
export class UserViewDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  username: string;

  @ApiProperty()
  displayName: string;

  @ApiProperty({ enum: ROLES })
  role: Role;

  @ApiProperty({ type: String, nullable: true })
  unitCode: string | null;

  @ApiProperty({ type: [String] })
  deputyUnits: string[];

  @ApiProperty({ type: String, nullable: true })
  email: string | null;

  @ApiProperty({ type: String, nullable: true })
  mobile: string | null;

  @ApiProperty()
  active: boolean;

  @ApiProperty({ description: 'Its holder must choose a password at the next sign-in.' })
  mustChangePassword: boolean;

  @ApiProperty({ description: 'Created as a demo account on first start.' })
  demo: boolean;

  @ApiProperty()
  createdAt: Date;

  static of(user: UserEntity): UserViewDto {
    return Object.assign(new UserViewDto(), {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role as Role,
      unitCode: user.unitCode,
      deputyUnits: user.deputyUnits ?? [],
      email: user.email,
      mobile: user.mobile ?? null,
      active: user.active,
      mustChangePassword: user.mustChangePassword ?? false,
      demo: user.demo,
      createdAt: user.createdAt,
    });
  }
}
