import { readFileSync } from 'node:fs';
import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../../auth/public.decorator';
import { OVERVIEW_CHARTS_JS } from './overview-charts.client';
import { PLAN_IMPORT_JS } from './plan-import.client';

/** ECharts from our own node_modules (no CDN: the bureau's network may not reach one). */
let echartsSource: string | undefined;
function echartsJs(): string {
  echartsSource ??= readFileSync(require.resolve('echarts/dist/echarts.min.js'), 'utf8');
  return echartsSource;
}

/** Static scripts of the pages; public (no secrets) and cached, the file names change with versions. */
@ApiExcludeController()
@Controller('ui/assets')
export class WebAssetsController {
  @Public()
  @Get('echarts.min.js')
  @Header('Content-Type', 'text/javascript; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=31536000, immutable')
  echarts(): string {
    return echartsJs();
  }

  @Public()
  @Get('overview.js')
  @Header('Content-Type', 'text/javascript; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=300')
  overview(): string {
    return OVERVIEW_CHARTS_JS;
  }

  @Public()
  @Get('plan-import.js')
  @Header('Content-Type', 'text/javascript; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=300')
  planImport(): string {
    return PLAN_IMPORT_JS;
  }
}
