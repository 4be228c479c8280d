import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { SeedService } from './seed.service';

/** Runs SeedService at start-up; import once in the API app module. */
@Module({
  imports: [AuthModule],
  providers: [SeedService],
  exports: [SeedService],
})
export class SeedModule {}
