import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { MAX_PASSWORD_LENGTH } from './password-hasher';

export class LoginDto {
  @ApiProperty({ example: 'water-air.handler' })
  @IsString({ message: 'username 必须是字符串 / username must be a string' })
  @MinLength(1, { message: 'username 不能为空 / username must not be empty' })
  @MaxLength(64, { message: 'username 最长 64 个字符 / username is at most 64 characters' })
  username: string;

  @ApiProperty({ example: 'duban-demo-2021', format: 'password' })
  @IsString({ message: 'password 必须是字符串 / password must be a string' })
  @MinLength(1, { message: 'password 不能为空 / password must not be empty' })
  @MaxLength(MAX_PASSWORD_LENGTH, {
    message: `password 最长 ${MAX_PASSWORD_LENGTH} 个字符 / password is at most ${MAX_PASSWORD_LENGTH} characters`,
  })
  password: string;
}
