import { Controller, Get, HttpCode, Param, ParseBoolPipe, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { actorOf } from '../common/actor-of';
import { NotificationQueryService } from './notification-query.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationQueryService) {}

  @Get()
  @ApiOperation({ summary: '我的通知（催办、督办、办理提醒）' })
  @ApiQuery({ name: 'unread', required: false, type: Boolean })
  list(@CurrentUser() user: AuthUser, @Query('unread', new ParseBoolPipe({ optional: true })) unread?: boolean) {
    return this.notifications.list(actorOf(user), { unreadOnly: unread });
  }

  @Post(':id/read')
  @HttpCode(204)
  @ApiOperation({ summary: '标记已读' })
  async markRead(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    await this.notifications.markRead(actorOf(user), id);
  }
}
