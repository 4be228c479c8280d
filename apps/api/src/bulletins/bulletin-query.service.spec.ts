import { BulletinContent } from '@duban/domain/bulletin/bulletin-content';
import { BulletinRepository, StoredBulletinRow } from '@duban/persistence/repositories/bulletin-repository';
import { PlanRepository } from '@duban/persistence/repositories/plan-repository';
import { BulletinQueryService } from './bulletin-query.service';

const content = {
  planTitle: '2027年工作要点',
  totals: { total: 45, done: 3, onTrack: 30, dueSoon: 4, overdue: 8, escalated: 5 },
  newEscalations: [{}, {}],
  targets: [{ light: 'red' }, { light: 'green' }, { light: 'red' }],
} as unknown as BulletinContent;

describe('stored bulletins', () => {
  const asked: unknown[] = [];
  const bulletins = {
    newest: async (planId: string | undefined, limit: number): Promise<StoredBulletinRow[]> => {
      asked.push([planId, limit]);
      return [
        {
          id: 'b1',
          planId: 'p',
          week: '2027-W05',
          weekStart: '2027-02-01',
          generatedAt: new Date('2027-02-08T01:00:00Z'),
          content,
        },
      ];
    },
    find: async () => {
      asked.push('find');
      return null;
    },
  } as unknown as BulletinRepository;
  const service = new BulletinQueryService(bulletins, {} as PlanRepository);

  it('lists each week with its totals, new escalations and red targets counted', async () => {
    await expect(service.list('p', 10_000)).resolves.toEqual([
      {
        id: 'b1',
        planId: 'p',
        planTitle: '2027年工作要点',
        week: '2027-W05',
        weekStart: '2027-02-01',
        generatedAt: '2027-02-08T01:00:00.000Z',
        totals: content.totals,
        newEscalations: 2,
        redTargets: 2,
      },
    ]);
    expect(asked).toEqual([['p', 500]]);
  });

  it('answers an id that is no bulletin id as not found without asking the store', async () => {
    asked.length = 0;
    await expect(service.get('../etc/passwd')).rejects.toMatchObject({ status: 404 });
    expect(asked).toEqual([]);
    await expect(service.get('8f6a1c2e-0d4b-4e7a-9a51-2f1d3c4b5a60')).rejects.toMatchObject({ status: 404 });
    expect(asked).toEqual(['find']);
  });
});
