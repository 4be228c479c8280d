import { Module } from '@nestjs/common';
import { AuthModule } from '../../auth/auth.module';
import { BulletinsModule } from '../../bulletins/bulletins.module';
import { TargetsModule } from '../../targets/targets.module';
import { ReadingsPageController } from '../targets-readings/readings-page.controller';
import { BulletinsPageController } from './bulletins-page.controller';

/** Issue 7's web pages: /ui/bulletins and /ui/targets/:indicatorId (readings entry). */
@Module({
  imports: [AuthModule, BulletinsModule, TargetsModule],
  controllers: [BulletinsPageController, ReadingsPageController],
})
export class BulletinWebModule {}
