import { ApiProperty } from '@nestjs/swagger';
import { IsJWT } from 'class-validator';

export class RefreshDto {
  @ApiProperty({ description: 'The refresh token from login or the previous refresh; usable once.' })
  @IsJWT({ message: 'refreshToken 必须是 JWT / refreshToken must be a JWT' })
  refreshToken: string;
}
