import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { actorOf } from '../common/actor-of';
import { DashboardService } from './dashboard.service';

@ApiTags('dashboard')
@ApiBearerAuth()
@Controller('dashboard')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Get('overview')
  @ApiOperation({ summary: '督办总览：各单位红黄绿灯、完成率、逾期排名' })
  @ApiQuery({ name: 'planId', required: false })
  overview(@CurrentUser() user: AuthUser, @Query('planId') planId?: string) {
    return this.dashboard.overview(actorOf(user), planId);
  }
}
