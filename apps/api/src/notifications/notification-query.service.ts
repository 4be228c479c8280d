import { Injectable } from '@nestjs/common';
import { ActorRef } from '@duban/domain/access/actor';
import { NotFoundError } from '@duban/domain/errors/domain-error';
import {
  NotificationRecipient,
  NotificationRepository,
  NotificationRow,
} from '@duban/persistence/repositories/notification-repository';
import { inboxKeysOf } from '../inbox/inbox-keys';

/**
 * The in-app inbox: notifications addressed to the user personally or to their unit and role
 * (催办 goes to "水气股 handler", not to a named person).
 */
@Injectable()
export class NotificationQueryService {
  constructor(private readonly notifications: NotificationRepository) {}

  list(actor: ActorRef, opts: { unreadOnly?: boolean; limit?: number } = {}): Promise<NotificationRow[]> {
    return this.notifications.newest(recipientOf(actor), {
      unreadOnly: opts.unreadOnly ?? false,
      limit: Math.max(1, Math.min(opts.limit ?? 50, 200)),
    });
  }

  /** How many notifications addressed to the actor are still unread (the count beside 消息). */
  unreadCount(actor: ActorRef): Promise<number> {
    return this.notifications.unreadCount(recipientOf(actor));
  }

  /** Marks every notification addressed to the actor as read; returns how many were unread. */
  markAllRead(actor: ActorRef): Promise<number> {
    return this.notifications.markAllRead(recipientOf(actor));
  }

  async markRead(actor: ActorRef, id: string): Promise<void> {
    if (!(await this.notifications.markRead(recipientOf(actor), id))) throw new NotFoundError('通知', id);
  }
}

/**
 * Whom an actor reads as: their own id, and their role in their unit (a deputy director in each
 * unit in their charge); supervisors receive the top of the ladder for every unit.
 */
export function recipientOf(actor: ActorRef): NotificationRecipient {
  // The same "<unit>:<role>" keys that put a task into the actor's inbox; 督查室 reads by its role.
  const supervisor = actor.role === 'supervisor';
  return { userId: actor.userId, keys: supervisor ? [] : inboxKeysOf(actor), supervisor };
}
