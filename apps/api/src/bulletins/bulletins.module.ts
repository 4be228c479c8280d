import { Module } from '@nestjs/common';
import { TargetsModule } from '../targets/targets.module';
import { BulletinGeneratorService } from './bulletin-generator.service';
import { BulletinQueryService } from './bulletin-query.service';
import { BulletinScheduleService } from './bulletin-schedule.service';
import { BulletinsController } from './bulletins.controller';

/** The weekly supervision bulletin: schedule registration, on-demand generation, list, exports. */
@Module({
  imports: [TargetsModule],
  controllers: [BulletinsController],
  providers: [BulletinQueryService, BulletinGeneratorService, BulletinScheduleService],
  exports: [BulletinQueryService, BulletinGeneratorService],
})
export class BulletinsModule {}
