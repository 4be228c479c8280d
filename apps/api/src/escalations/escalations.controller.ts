import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { actorOf } from '../common/actor-of';
import { EscalationListQuery } from './escalation-list.query';
import { EscalationQueryService } from './escalation-query.service';

@ApiTags('escalations')
@ApiBearerAuth()
@Controller('escalations')
export class EscalationsController {
  constructor(private readonly escalations: EscalationQueryService) {}

  @Get()
  @ApiOperation({ summary: '督办中的任务：每项一行，按已达到的最高督办级别（可按级别、单位筛选）' })
  open(@CurrentUser() user: AuthUser, @Query() query: EscalationListQuery) {
    return this.escalations.open(actorOf(user), { level: query.level, unit: query.unit });
  }

  @Get('summary')
  @ApiOperation({ summary: '督办按单位、级别汇总' })
  summary(@CurrentUser() user: AuthUser) {
    return this.escalations.summary(actorOf(user));
  }
}
