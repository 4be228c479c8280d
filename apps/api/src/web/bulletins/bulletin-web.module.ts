import { Module } from '@nestjs/common';
import { AuthModule } from '../../auth/auth.module';
import { BulletinsModule } from '../../bulletins/bulletins.module';
import { BulletinsPageController } from './bulletins-page.controller';

/** The bulletin pages: /ui/bulletins, one bulletin, its PDF and spreadsheet. */
@Module({
  imports: [AuthModule, BulletinsModule],
  controllers: [BulletinsPageController],
})
export class BulletinWebModule {}
