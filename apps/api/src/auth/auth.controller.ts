import { Body, Controller, Get, Header, HttpCode, HttpStatus, Post, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Request } from 'express';
import { AuthUser } from './auth-user';
import { AuthUserDto } from './auth-user.dto';
import { ApiProblemResponses } from '../common/api-problem-responses';
import { ChangePasswordDto } from './change-password.dto';
import { AuthService } from './auth.service';
import { AuthenticatedRequest } from './authenticated-request';
import { CurrentUser } from './current-user.decorator';
import { LoginResultDto } from './login-result.dto';
import { LoginDto } from './login.dto';
import { LogoutDto } from './logout.dto';
import { AllowedBeforePasswordChange, Public } from './public.decorator';
import { RefreshDto } from './refresh.dto';
import { requestOrigin } from './request-origin';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: '登录：用户名 + 密码 → 访问令牌与刷新令牌' })
  @ApiOkResponse({ type: LoginResultDto })
  @ApiUnauthorizedResponse({ description: 'Wrong username or password, or account deactivated' })
  @ApiTooManyRequestsResponse({ description: 'Too many failures for this username from this address; see Retry-After' })
  // Tokens must never sit in a cache; the problem filter sets Retry-After on a throttled sign-in.
  @Header('Cache-Control', 'no-store')
  @Header('Pragma', 'no-cache')
  login(@Body() body: LoginDto, @Req() req: Request): Promise<LoginResultDto> {
    return this.auth.login(body.username, body.password, requestOrigin(req));
  }

  @Public()
  @Post('refresh')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: '刷新：用一次性的刷新令牌换取新的令牌对（旧刷新令牌作废）' })
  @ApiOkResponse({ type: LoginResultDto })
  @ApiUnauthorizedResponse({ description: 'Refresh token invalid, expired or already used' })
  @Header('Cache-Control', 'no-store')
  @Header('Pragma', 'no-cache')
  refresh(@Body() body: RefreshDto, @Req() req: Request): Promise<LoginResultDto> {
    return this.auth.refresh(body.refreshToken, requestOrigin(req));
  }

  @Post('logout')
  @AllowedBeforePasswordChange()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiBearerAuth()
  @ApiOperation({ summary: '退出：作废当前会话的全部令牌（访问令牌与刷新令牌）' })
  @ApiNoContentResponse()
  async logout(@Body() body: LogoutDto, @Req() req: AuthenticatedRequest): Promise<void> {
    await this.auth.logout(req.user, req.accessToken, body.refreshToken, requestOrigin(req));
  }

  @Post('password')
  @AllowedBeforePasswordChange()
  @HttpCode(HttpStatus.OK)
  @ApiBearerAuth()
  @ApiOperation({ summary: '修改自己的密码：当前密码 + 新密码 → 新的令牌对（其他会话全部退出）' })
  @ApiOkResponse({ type: LoginResultDto })
  @ApiProblemResponses(400, 401)
  @Header('Cache-Control', 'no-store')
  changePassword(@Body() body: ChangePasswordDto, @Req() req: AuthenticatedRequest): Promise<LoginResultDto> {
    return this.auth.changePassword(req.user, body.currentPassword, body.newPassword, requestOrigin(req));
  }

  @Get('me')
  @AllowedBeforePasswordChange()
  @ApiBearerAuth()
  @ApiOperation({ summary: '当前用户' })
  @ApiOkResponse({ type: AuthUserDto })
  me(@CurrentUser() user: AuthUser): AuthUser {
    return user;
  }
}
