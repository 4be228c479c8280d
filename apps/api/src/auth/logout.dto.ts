import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsJWT, IsOptional } from 'class-validator';

export class LogoutDto {
  @ApiPropertyOptional({ description: 'Refresh token of this session, revoked together with the access token.' })
  @IsOptional()
  @IsJWT({ message: 'refreshToken 必须是 JWT / refreshToken must be a JWT' })
  refreshToken?: string;
}
