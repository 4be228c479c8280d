import { Body, Controller, Get, HttpCode, HttpStatus, Post, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Request, Response } from 'express';
import { AuthUser } from './auth-user';
import { AuthUserDto } from './auth-user.dto';
import { LoginThrottledError } from './auth-errors';
import { AuthService } from './auth.service';
import { AuthenticatedRequest } from './authenticated-request';
import { CurrentUser } from './current-user.decorator';
import { LoginResultDto } from './login-result.dto';
import { LoginDto } from './login.dto';
import { LogoutDto } from './logout.dto';
import { Public } from './public.decorator';
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
  async login(
    @Body() body: LoginDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<LoginResultDto> {
    try {
      return await this.auth.login(body.username, body.password, requestOrigin(req));
    } catch (error) {
      // The problem filter writes the body; the header must be on the response before that.
      if (error instanceof LoginThrottledError) res.setHeader('Retry-After', String(error.retryAfterSeconds));
      throw error;
    }
  }

  @Public()
  @Post('refresh')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: '刷新：用一次性的刷新令牌换取新的令牌对（旧刷新令牌作废）' })
  @ApiOkResponse({ type: LoginResultDto })
  @ApiUnauthorizedResponse({ description: 'Refresh token invalid, expired or already used' })
  refresh(@Body() body: RefreshDto, @Req() req: Request): Promise<LoginResultDto> {
    return this.auth.refresh(body.refreshToken, requestOrigin(req));
  }

  @Post('logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiBearerAuth()
  @ApiOperation({ summary: '退出：作废当前访问令牌及所给刷新令牌' })
  @ApiNoContentResponse()
  async logout(@Body() body: LogoutDto, @Req() req: AuthenticatedRequest): Promise<void> {
    await this.auth.logout(req.user, req.accessToken, body.refreshToken, requestOrigin(req));
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: '当前用户' })
  @ApiOkResponse({ type: AuthUserDto })
  me(@CurrentUser() user: AuthUser): AuthUser {
    return user;
  }
}
