import { Injectable } from '@nestjs/common';
import { ActorRef } from '@duban/domain/access/actor';
import { TaskEntity } from '@duban/persistence/entities';
import { TaskRepository } from '@duban/persistence/repositories/task-repository';
import { inboxKeysOf } from './inbox-keys';

/** 待办: the tasks waiting for this user's action, most urgent first. */
@Injectable()
export class InboxService {
  constructor(private readonly tasks: TaskRepository) {}

  list(actor: ActorRef, limit = 100): Promise<TaskEntity[]> {
    return this.tasks.awaiting(inboxKeysOf(actor), Math.max(1, Math.min(limit, 500)));
  }
}
