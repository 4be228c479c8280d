import { NotFoundError } from '@duban/domain/errors/domain-error';
import { deputy, handler, supervisor } from '@duban/domain/task/task-snapshot.fixtures';
import { NotificationRecipient, NotificationRepository } from '@duban/persistence/repositories/notification-repository';
import { NotificationQueryService, recipientOf } from './notification-query.service';

describe('whose notifications a user reads', () => {
  it('a handler: their own and their unit’s role; a deputy: each unit in charge; 督查室: the top of the ladder', () => {
    expect(recipientOf(handler)).toEqual({ userId: 'u-h', keys: ['water-air:handler'], supervisor: false });
    expect(recipientOf({ ...deputy, deputyUnits: ['water-air', 'ecology'] })).toEqual({
      userId: 'u-d',
      keys: ['water-air:deputy-director', 'ecology:deputy-director'],
      supervisor: false,
    });
    expect(recipientOf(supervisor)).toEqual({ userId: 'u-s', keys: [], supervisor: true });
    expect(recipientOf({ userId: 'u-a', role: 'admin', unitCode: null })).toEqual({
      userId: 'u-a',
      keys: [],
      supervisor: false,
    });
  });

  it('asks for at most 200 and at least one, and a message that is not theirs is not found', async () => {
    const asked: { to: NotificationRecipient; limit?: number }[] = [];
    const repo = {
      newest: async (to: NotificationRecipient, o: { limit: number }) => {
        asked.push({ to, limit: o.limit });
        return [];
      },
      markRead: async () => false,
    } as unknown as NotificationRepository;
    const service = new NotificationQueryService(repo);
    await service.list(handler, { limit: 5000 });
    await service.list(handler, { limit: 0 });
    await service.list(handler);
    expect(asked.map((a) => a.limit)).toEqual([200, 1, 50]);
    await expect(service.markRead(handler, 'n-1')).rejects.toBeInstanceOf(NotFoundError);
  });
});
