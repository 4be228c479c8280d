import { Module } from '@nestjs/common';
import { PdfPrinter } from '../common/pdf-printer';
import { TargetsModule } from '../targets/targets.module';
import { BulletinGeneratorService } from './bulletin-generator.service';
import { BulletinQueryService } from './bulletin-query.service';
import { BulletinScheduleService } from './bulletin-schedule.service';
import { BulletinsController } from './bulletins.controller';

/** The weekly supervision bulletin: schedule registration, on-demand generation, list, exports. */
@Module({
  imports: [TargetsModule],
  controllers: [BulletinsController],
  providers: [BulletinQueryService, BulletinGeneratorService, BulletinScheduleService, PdfPrinter],
  exports: [BulletinQueryService, BulletinGeneratorService, PdfPrinter],
})
export class BulletinsModule {}
