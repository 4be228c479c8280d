import { Body, Controller, Get, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString } from 'class-validator';
import { Roles } from '../auth/roles.decorator';
import { PdfPrinter } from '../common/pdf-printer';
import { attachmentDisposition, bulletinFileName } from '../common/attachment-disposition';
import { isoWeekLabel } from '@duban/domain/labels/labels';
import { BulletinGeneratorService } from './bulletin-generator.service';
import { renderBulletinPdf } from './bulletin-pdf';
import { BulletinQueryService } from './bulletin-query.service';
import { renderBulletinXlsx } from './bulletin-xlsx';

export class GenerateBulletinBody {
  @ApiPropertyOptional({ example: 'kpi-2021', description: '计划（默认最近导入的计划）' })
  @IsOptional()
  @IsString()
  planId?: string;

  @ApiPropertyOptional({ example: '2021-10-11T01:00:00Z', description: '统计时点（默认现在）；决定通报周次' })
  @IsOptional()
  @IsISO8601()
  at?: string;
}

@ApiTags('bulletins')
@ApiBearerAuth()
@Controller('bulletins')
export class BulletinsController {
  constructor(
    private readonly bulletins: BulletinQueryService,
    private readonly generator: BulletinGeneratorService,
    private readonly printer: PdfPrinter,
  ) {}

  @Get()
  @ApiOperation({ summary: '督办通报列表（新周次在前）' })
  list(@Query('planId') planId?: string) {
    return this.bulletins.list(planId);
  }

  @Post('generate')
  @Roles('supervisor', 'admin')
  @ApiOperation({ summary: '立即生成本周通报（同一周只保存一次）' })
  generate(@Body() body: GenerateBulletinBody) {
    return this.generator.generate(body.planId, body.at);
  }

  @Get(':ref')
  @ApiOperation({ summary: '通报详情；:id.xlsx 导出 Excel，:id.pdf 导出 PDF' })
  async get(@Param('ref') ref: string) {
    const m = /^(.+?)(?:\.(xlsx|pdf))?$/.exec(ref)!;
    const bulletin = await this.bulletins.get(m[1]);
    if (!m[2]) return bulletin;
    const name = `bulletin-${bulletin.content.planId}-${bulletin.content.week}.${m[2]}`;
    const xlsx = m[2] === 'xlsx';
    return new StreamableFile(
      xlsx ? await renderBulletinXlsx(bulletin.content) : await renderBulletinPdf(this.printer, bulletin.content),
      {
        type: xlsx ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'application/pdf',
        disposition: attachmentDisposition(
          bulletinFileName(bulletin.content.planTitle, isoWeekLabel(bulletin.content.week), m[2]),
          name,
        ),
      },
    );
  }
}
