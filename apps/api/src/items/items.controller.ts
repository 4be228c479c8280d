import { Body, Controller, Get, Post, Req, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Request } from 'express';
import { BatchRow, PlanRepository } from '@duban/persistence/repositories/plan-repository';
import { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { ApiProblemResponses } from '../common/api-problem-responses';
import { IDEMPOTENCY_HEADER, IdempotencyInterceptor } from '../common/idempotency.interceptor';
import { ItemRegistrationService, RegisteredItemResult } from './item-registration.service';
import { RegisterItemDto } from './register-item.dto';

/** 立项: items the supervision office registers beside the plan (领导批示, 会议议定, 上级交办, …). */
@ApiTags('items')
@ApiBearerAuth()
@Roles('supervisor', 'admin')
@Controller('items')
export class ItemsController {
  constructor(
    private readonly registrations: ItemRegistrationService,
    private readonly plans: PlanRepository,
  ) {}

  @Post()
  @UseInterceptors(IdempotencyInterceptor)
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: '每次立项唯一的键；重试时保持不变' })
  @ApiOperation({ summary: '立项：登记一个督办事项（交办单位、牵头单位、期限或紧急程度），启动其督办流程' })
  @ApiCreatedResponse({ description: '已立项：批次、任务 id 与办结期限' })
  @ApiProblemResponses(400, 401, 403, 404)
  register(
    @Body() body: RegisterItemDto,
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
  ): Promise<RegisteredItemResult> {
    return this.registrations.register(body, user, String(req.header(IDEMPOTENCY_HEADER)));
  }

  @Get('batches')
  @ApiOperation({ summary: '立项批次（如一次会议的议定事项），最新的在前' })
  @ApiOkResponse({ description: 'id, title, year, sourceKind, items' })
  batches(): Promise<BatchRow[]> {
    return this.plans.batches();
  }
}
