import { Controller, Get, Param, Post, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BadInputError } from '../../../../libs/domain/src/errors/domain-error';
import { MAX_PLAN_BYTES, parsePlanOffThread } from '../../../../libs/workplan/src';
import { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { actorOf } from '../common/actor-of';
import { ImportPlanQuery } from './import-plan.dto';
import { PlanImportService } from './plan-import.service';
import { PlanQueryService } from './plan-query.service';

@ApiTags('plans')
@ApiBearerAuth()
@Controller('plans')
export class PlansController {
  constructor(
    private readonly importer: PlanImportService,
    private readonly plans: PlanQueryService,
  ) {}

  @Post('import')
  @Roles('supervisor', 'admin')
  @ApiOperation({ summary: '导入工作要点（txt/docx/html/json/yaml）；dryRun=true 只预览' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_PLAN_BYTES, files: 1 } }))
  async import(
    @CurrentUser() user: AuthUser,
    @Query() query: ImportPlanQuery,
    @UploadedFile() file?: { originalname: string; buffer: Buffer },
  ) {
    if (!file) {
      throw new BadInputError(
        'FILE_REQUIRED',
        '请以 multipart/form-data 的 file 字段上传计划文件',
        'Upload the plan document as multipart/form-data field "file"',
      );
    }
    // Off the event loop: a hostile or huge document must not stall the server for other users.
    const tree = await parsePlanOffThread(file.buffer, { filename: file.originalname });
    return this.importer.importPlan(tree, { ...query, actor: actorOf(user) });
  }

  @Get()
  @ApiOperation({ summary: '计划列表' })
  list(@CurrentUser() user: AuthUser) {
    return this.plans.list(actorOf(user));
  }

  @Get(':id')
  @ApiOperation({ summary: '计划详情：目标、指标、任务树' })
  detail(@CurrentUser() user: AuthUser, @Param('id') id: string) {
    return this.plans.detail(actorOf(user), id);
  }
}
