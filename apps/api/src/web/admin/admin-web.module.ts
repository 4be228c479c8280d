import { Module } from '@nestjs/common';
import { AuthModule } from '../../auth/auth.module';
import { UnitsModule } from '../../units/units.module';
import { UsersModule } from '../../users/users.module';
import { AccountsAdminController } from './accounts-admin.controller';
import { AuditPageController } from './audit-page.controller';
import { RosterImportPageController } from './roster-import.controller';
import { UnitsAdminController } from './units-admin.controller';

/** 系统管理 (/ui/admin): units, accounts, the staff-sheet import and the audit log, for admins. */
@Module({
  imports: [AuthModule, UnitsModule, UsersModule],
  controllers: [AccountsAdminController, UnitsAdminController, RosterImportPageController, AuditPageController],
})
export class AdminWebModule {}
