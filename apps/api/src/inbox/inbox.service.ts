import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ActorRef } from '@duban/domain/access/actor';
import { TaskEntity } from '@duban/persistence/entities';
import { LEDGER_COLUMNS } from '../tasks/task-query.service';
import { inboxKeysOf } from './inbox-keys';

/** 待办: the tasks waiting for this user's action, most urgent first. */
@Injectable()
export class InboxService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(actor: ActorRef, limit = 100): Promise<TaskEntity[]> {
    const keys = inboxKeysOf(actor);
    if (keys.length === 0) return [];
    return this.db
      .getRepository(TaskEntity)
      .createQueryBuilder('t')
      .select(LEDGER_COLUMNS)
      .where('t.awaiting && :keys', { keys })
      .orderBy('t.next_due_at', 'ASC', 'NULLS LAST')
      .addOrderBy('t.ordinal', 'ASC')
      .limit(Math.max(1, Math.min(limit, 500)))
      .getMany();
  }
}
