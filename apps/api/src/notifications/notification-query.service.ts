import { Injectable } from '@nestjs/common';
import { ActorRef } from '@duban/domain/access/actor';
import { NotFoundError } from '@duban/domain/errors/domain-error';
import {
  NotificationRecipient,
  NotificationRepository,
  NotificationRow,
} from '@duban/persistence/repositories/notification-repository';

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
  const units = actor.role === 'deputy-director' ? (actor.deputyUnits ?? []) : actor.unitCode ? [actor.unitCode] : [];
  return {
    userId: actor.userId,
    keys: units.map((unit) => `${unit}:${actor.role}`),
    supervisor: actor.role === 'supervisor',
  };
}
