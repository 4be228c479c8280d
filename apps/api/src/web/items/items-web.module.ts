import { Module } from '@nestjs/common';
import { AuthModule } from '../../auth/auth.module';
import { ItemsModule } from '../../items/items.module';
import { TasksModule } from '../../tasks/tasks.module';
import { UnitsModule } from '../../units/units.module';
import { RegisterItemPageController } from './register-item.controller';

/** 立项 pages (/ui/items). */
@Module({
  imports: [AuthModule, ItemsModule, UnitsModule, TasksModule],
  controllers: [RegisterItemPageController],
})
export class ItemsWebModule {}
