import { head, otherHead, supervisor } from '@duban/domain/task/task-snapshot.fixtures';
import { PlanEntity, TaskEntity } from '@duban/persistence/entities';
import { PlanRepository } from '@duban/persistence/repositories/plan-repository';
import { PlanQueryService } from './plan-query.service';

const item = (code: string, isLeaf: boolean, leadUnit: string | null = null) =>
  ({ id: `p/${code}`, code, isLeaf, leadUnit, cooperatingUnits: [] }) as unknown as TaskEntity;

const plans = {
  find: async (id: string) =>
    id === 'p'
      ? ({
          id: 'p',
          title: '2027年工作要点',
          year: 2027,
          revision: 1,
          tree: { sections: [], warnings: [] },
        } as unknown as PlanEntity)
      : null,
  indicators: async () => [],
  items: async () => [
    item('1', false),
    item('1.1', true, 'water-air'),
    item('1.2', true, 'ecology'),
    item('2', false),
    item('2.1', false),
    item('2.1.1', true, 'ecology'),
  ],
} as unknown as PlanRepository;

describe('a plan as each actor sees it', () => {
  const codes = async (actor: typeof head) =>
    (await new PlanQueryService(plans).detail(actor, 'p')).items.map((t) => t.code);

  it('shows the tasks the actor may see and the headings above them, nothing of other units', async () => {
    await expect(codes(head)).resolves.toEqual(['1', '1.1']);
    await expect(codes(otherHead)).resolves.toEqual(['1', '1.2', '2', '2.1', '2.1.1']);
    await expect(codes(supervisor)).resolves.toHaveLength(6);
  });

  it('answers a plan that is not there as not found', async () => {
    await expect(new PlanQueryService(plans).detail(supervisor, 'nope')).rejects.toMatchObject({ status: 404 });
  });
});
