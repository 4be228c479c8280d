import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { CreateUserDto } from './create-user.dto';
import { UpdateUserDto } from './update-user.dto';
import { UserViewDto } from './user-view.dto';
import { UsersService } from './users.service';

/** Account administration: admins change, supervisors (督查室) may look. */
@ApiTags('users')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'Role not allowed' })
@Roles('admin')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Roles('admin', 'supervisor')
  @ApiOperation({ summary: '账号列表' })
  @ApiOkResponse({ type: [UserViewDto] })
  list(): Promise<UserViewDto[]> {
    return this.users.list();
  }

  @Get(':id')
  @Roles('admin', 'supervisor')
  @ApiOperation({ summary: '查看账号' })
  @ApiOkResponse({ type: UserViewDto })
  @ApiNotFoundResponse()
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<UserViewDto> {
    return this.users.get(id);
  }

  @Post()
  @ApiOperation({ summary: '新建账号（管理员）' })
  @ApiCreatedResponse({ type: UserViewDto })
  @ApiBadRequestResponse({ description: 'Validation failed or unknown unit code' })
  @ApiConflictResponse({ description: 'Username already exists' })
  create(@Body() body: CreateUserDto, @CurrentUser() actor: AuthUser): Promise<UserViewDto> {
    return this.users.create(body, actor);
  }

  @Post(':id/unlock')
  @HttpCode(200)
  @ApiOperation({ summary: '解锁：清除账号的登录失败记录，使其可立即再次登录（管理员）' })
  @ApiOkResponse({ type: UserViewDto })
  @ApiNotFoundResponse()
  unlock(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() actor: AuthUser): Promise<UserViewDto> {
    return this.users.unlock(id, actor);
  }

  @Patch(':id')
  @ApiOperation({ summary: '修改账号：角色、单位、分管单位、邮箱、停用、重置密码（管理员）' })
  @ApiOkResponse({ type: UserViewDto })
  @ApiBadRequestResponse({ description: 'Validation failed or unknown unit code' })
  @ApiNotFoundResponse()
  update(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: UpdateUserDto,
    @CurrentUser() actor: AuthUser,
  ): Promise<UserViewDto> {
    return this.users.update(id, body, actor);
  }
}
