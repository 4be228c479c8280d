import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './password-hasher';

export class ChangePasswordDto {
  @ApiProperty({ format: 'password' })
  @IsString({ message: 'currentPassword 必须是字符串 / currentPassword must be a string' })
  @MinLength(1, { message: 'currentPassword 不能为空 / currentPassword must not be empty' })
  @MaxLength(MAX_PASSWORD_LENGTH, {
    message: `currentPassword 最长 ${MAX_PASSWORD_LENGTH} 个字符 / currentPassword is at most ${MAX_PASSWORD_LENGTH} characters`,
  })
  currentPassword: string;

  @ApiProperty({
    format: 'password',
    minLength: MIN_PASSWORD_LENGTH,
    maxLength: MAX_PASSWORD_LENGTH,
    description: '至少 10 个字符，不含用户名，不是常见或有规律的密码',
  })
  @IsString({ message: 'newPassword 必须是字符串 / newPassword must be a string' })
  newPassword: string;
}
