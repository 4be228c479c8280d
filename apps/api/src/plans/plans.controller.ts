import {
  applyDecorators,
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Response } from 'express';
import { ApiProblemResponses } from '../common/api-problem-responses';
import { BadInputError } from '@duban/domain/errors/domain-error';
import { MAX_PLAN_BYTES, parsePlanOffThread } from '@duban/workplan';
import { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { actorOf } from '../common/actor-of';
import { ImportDraftDto, UnitMappingDto } from './import-draft.dto';
import { ImportPlanQuery, PreviewPlanQuery } from './import-plan.dto';
import { PlanPreviewService } from './plan-preview.service';
import { UnitMapping } from '@duban/domain/plan/unit-mappings';
import { PlanImportService } from './plan-import.service';
import { ImportResult } from './plan-import.types';
import { PlanQueryService } from './plan-query.service';
import { decodeUploadName } from '../common/upload-name';

@ApiTags('plans')
@ApiBearerAuth()
@Controller('plans')
export class PlansController {
  constructor(
    private readonly importer: PlanImportService,
    private readonly plans: PlanQueryService,
    private readonly previews: PlanPreviewService,
  ) {}

  @Post('preview')
  @HttpCode(200)
  @Roles('supervisor', 'admin')
  @ApiProblemResponses(400, 401, 403, 413)
  @ApiOperation({
    summary: '解析计划文件为可修改的预览（不写入）：每个末级任务一行，附警告与未知单位',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_PLAN_BYTES, files: 1 } }))
  preview(@Query() query: PreviewPlanQuery, @UploadedFile() file?: { originalname: string; buffer: Buffer }) {
    if (!file) throw fileRequired();
    return this.previews.preview(file.buffer, decodeUploadName(file.originalname), query.fallbackYear);
  }

  @Post('import-draft')
  @Roles('supervisor', 'admin')
  @ApiOperation({ summary: '导入在预览中修改过的计划（与文件导入相同的全有或全无导入）' })
  @ImportResponses()
  async importDraft(
    @CurrentUser() user: AuthUser,
    @Body() body: ImportDraftDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    const result = await this.previews.importDraft(
      { ...body, unitMappings: (body.unitMappings ?? []).map(toMapping) },
      actorOf(user),
    );
    return answered(res, result);
  }

  @Post('import')
  @Roles('supervisor', 'admin')
  @ApiOperation({ summary: '导入工作要点（txt/docx/html/json/yaml）；dryRun=true 只预览' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @ImportResponses()
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_PLAN_BYTES, files: 1 } }))
  async import(
    @CurrentUser() user: AuthUser,
    @Query() query: ImportPlanQuery,
    @Res({ passthrough: true }) res: Response,
    @UploadedFile() file?: { originalname: string; buffer: Buffer },
  ) {
    if (!file) throw fileRequired();
    // Off the event loop: a hostile or huge document must not stall the server for other users.
    const tree = await parsePlanOffThread(file.buffer, { filename: decodeUploadName(file.originalname) });
    return answered(res, await this.importer.importPlan(tree, { ...query, actor: actorOf(user) }));
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

/** 201 when the import wrote the plan; 200 when it wrote nothing (dry run, unconfirmed revision, same content). */
function answered(res: Response, result: ImportResult): ImportResult {
  res.status(result.applied ? 201 : 200);
  return result;
}

function ImportResponses() {
  return applyDecorators(
    ApiCreatedResponse({ description: '已导入（新计划或已确认的修订）：返回导入摘要' }),
    ApiOkResponse({ description: '未写入：预演（dryRun）、待确认的修订（requiresConfirmation）或内容未变' }),
    ApiProblemResponses(400, 401, 403, 413, 503),
  );
}

function fileRequired(): BadInputError {
  return new BadInputError(
    'FILE_REQUIRED',
    '请以 multipart/form-data 的 file 字段上传计划文件',
    'Upload the plan document as multipart/form-data field "file"',
  );
}

/** A mapping names an existing unit or a unit to create, not both. */
export function toMapping(m: UnitMappingDto): UnitMapping {
  if (m.unit && !m.create) return { name: m.name, unit: m.unit };
  if (m.create && !m.unit) return { name: m.name, create: { name: m.create.name, kind: m.create.kind } };
  throw new BadInputError(
    'BAD_UNIT_MAPPING',
    `“${m.name}”的处理须为对应已有单位（unit）或新建单位（create）二者之一`,
    `Mapping for "${m.name}" must give either unit or create`,
  );
}
