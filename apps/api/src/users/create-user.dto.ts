import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { normalisePhone } from '@duban/domain/access/contact-details';
import { Role, ROLES } from '../auth/auth-user';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../auth/password-hasher';
import { UNIT_CODE_PATTERN } from '../units/unit-kinds';
import { USERNAME_PATTERN, USERNAME_RULE_MESSAGE } from '@duban/domain/access/username';

const UNIT_CODE_MESSAGE = '单位代码格式不正确 / malformed unit code';

export class CreateUserDto {
  @ApiProperty({ example: 'water-air.zhang', description: 'Stored lower-case; sign-in ignores case.' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsString({ message: 'username 必须是字符串 / username must be a string' })
  @Matches(USERNAME_PATTERN, { message: USERNAME_RULE_MESSAGE })
  username: string;

  @ApiProperty({ example: '张三' })
  @IsString({ message: 'displayName 必须是字符串 / displayName must be a string' })
  @MinLength(1, { message: 'displayName 不能为空 / displayName must not be empty' })
  @MaxLength(128, { message: 'displayName 最长 128 个字符 / displayName is at most 128 characters' })
  displayName: string;

  @ApiProperty({ format: 'password', minLength: MIN_PASSWORD_LENGTH, maxLength: MAX_PASSWORD_LENGTH })
  @IsString({ message: 'password 必须是字符串 / password must be a string' })
  @MinLength(MIN_PASSWORD_LENGTH, {
    message: `password 至少 ${MIN_PASSWORD_LENGTH} 个字符 / password needs at least ${MIN_PASSWORD_LENGTH} characters`,
  })
  @MaxLength(MAX_PASSWORD_LENGTH, {
    message: `password 最长 ${MAX_PASSWORD_LENGTH} 个字符 / password is at most ${MAX_PASSWORD_LENGTH} characters`,
  })
  password: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `role 必须是 ${ROLES.join('、')} 之一 / role must be one of ${ROLES.join(', ')}` })
  role: Role;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'water-air',
    description: 'Required for handler and unit-head.',
  })
  @IsOptional()
  @IsString({ message: 'unitCode 必须是字符串 / unitCode must be a string' })
  @Matches(UNIT_CODE_PATTERN, { message: `unitCode ${UNIT_CODE_MESSAGE}` })
  unitCode?: string | null;

  @ApiPropertyOptional({
    type: [String],
    example: ['water-air', 'monitoring'],
    description: 'Only for deputy-director.',
  })
  @IsOptional()
  @IsArray({ message: 'deputyUnits 必须是单位代码数组 / deputyUnits must be an array of unit codes' })
  @ArrayMaxSize(64, { message: 'deputyUnits 最多 64 个 / at most 64 deputyUnits' })
  @Matches(UNIT_CODE_PATTERN, { each: true, message: `deputyUnits ${UNIT_CODE_MESSAGE}` })
  deputyUnits?: string[];

  @ApiPropertyOptional({ type: String, nullable: true, example: 'zhang@example.gov.cn' })
  @IsOptional()
  @IsEmail({}, { message: 'email 格式不正确 / email is not a valid address' })
  @MaxLength(255, { message: 'email 最长 255 个字符 / email is at most 255 characters' })
  email?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '13800000000', description: '手机或 区号-电话' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? (normalisePhone(value) ?? value) : value))
  @Matches(/^(1\d{10}|0\d{2,3}-\d{7,8}(-\d{1,6})?)$/, {
    message: 'mobile 应为 11 位手机号或 区号-电话号码 / mobile must be a mainland mobile or a landline',
  })
  mobile?: string | null;
}
