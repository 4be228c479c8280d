import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { UnitsModule } from '../units/units.module';
import { UsersController } from './users.controller';
import { RosterImportService } from './roster/roster-import.service';
import { UsersService } from './users.service';

@Module({
  imports: [AuthModule, UnitsModule],
  controllers: [UsersController],
  providers: [UsersService, RosterImportService],
  exports: [UsersService, RosterImportService],
})
export class UsersModule {}
