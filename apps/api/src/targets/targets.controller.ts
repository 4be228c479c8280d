import { Body, Controller, Get, Param, Post, Put, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BadInputError } from '@duban/domain/errors/domain-error';
import { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { MAX_READINGS_CSV_BYTES, READINGS_CSV_HEADER } from './readings-csv';
import { IndicatorSettingsBody, QualitativeStatusBody, ReadingBody, TargetsQuery } from './targets.dto';
import { TargetsService } from './targets.service';

@ApiTags('targets')
@ApiBearerAuth()
@Controller('targets')
export class TargetsController {
  constructor(private readonly targets: TargetsService) {}

  @Get()
  @ApiOperation({ summary: '目标指标：年初至今值、计算方法、红黄绿灯、剩余期需达到的值' })
  list(@Query() query: TargetsQuery) {
    return this.targets.list(query.planId, query.asOf);
  }

  @Get(':indicatorId')
  @ApiOperation({ summary: '单个指标：报送记录、催办/督办记录' })
  get(@Param('indicatorId') id: string) {
    return this.targets.get(id);
  }

  @Post(':indicatorId/readings')
  @ApiOperation({ summary: '报送一期数据（同一期再次报送即更正）' })
  enter(@CurrentUser() user: AuthUser, @Param('indicatorId') id: string, @Body() body: ReadingBody) {
    return this.targets.enterReading(user, id, body);
  }

  @Post('readings/upload')
  @ApiOperation({ summary: `CSV 批量报送（表头 ${READINGS_CSV_HEADER}）；任一行错误则整个文件不写入` })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_READINGS_CSV_BYTES, files: 1 } }))
  upload(
    @CurrentUser() user: AuthUser,
    @Query('planId') planId: string | undefined,
    @UploadedFile() file?: { buffer: Buffer },
  ) {
    if (!planId) throw new BadInputError('PLAN_REQUIRED', '请指定 planId 查询参数', 'Give the planId query parameter');
    if (!file)
      throw new BadInputError(
        'FILE_REQUIRED',
        '请以 multipart/form-data 的 file 字段上传 CSV 文件',
        'Upload the CSV as multipart/form-data field "file"',
      );
    return this.targets.uploadCsv(user, planId, file.buffer);
  }

  @Put(':indicatorId/status')
  @Roles('supervisor', 'admin')
  @ApiOperation({ summary: '定性目标：督查室评定状态与说明' })
  setStatus(@CurrentUser() user: AuthUser, @Param('indicatorId') id: string, @Body() body: QualitativeStatusBody) {
    return this.targets.setQualitativeStatus(user, id, body.status, body.note ?? '');
  }

  @Put(':indicatorId/settings')
  @Roles('supervisor', 'admin')
  @ApiOperation({ summary: '指标设置：责任单位、报送周期、计算方法、预警幅度（null 恢复默认）' })
  settings(@Param('indicatorId') id: string, @Body() body: IndicatorSettingsBody) {
    return this.targets.updateSettings(id, { ...body });
  }
}
