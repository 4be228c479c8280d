import { ApiProperty } from '@nestjs/swagger';
import { AuthUserDto } from './auth-user.dto';
import { LoginResult } from './auth.service';

export class LoginResultDto implements LoginResult {
  @ApiProperty({ description: 'Send as `Authorization: Bearer <accessToken>`.' })
  accessToken: string;

  @ApiProperty({ description: 'Exchange at POST /auth/refresh for a new pair; usable once.' })
  refreshToken: string;

  @ApiProperty({ description: 'Lifetime of the access token in seconds.', example: 900 })
  expiresIn: number;

  @ApiProperty({ type: AuthUserDto })
  user: AuthUserDto;

  @ApiProperty({
    description:
      'true for an account an admin made or reset: only POST /auth/password, /auth/me and logout answer until it is changed',
  })
  mustChangePassword: boolean;
}
