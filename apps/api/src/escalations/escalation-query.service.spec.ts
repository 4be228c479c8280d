import { deputy, head, supervisor } from '@duban/domain/task/task-snapshot.fixtures';
import {
  EscalationRepository,
  OpenEscalationFilter,
  OpenEscalationRow,
} from '@duban/persistence/repositories/escalation-repository';
import { EscalationQueryService } from './escalation-query.service';

const open = (taskId: string, unitCode: string, level: number): OpenEscalationRow => ({
  id: taskId,
  taskId,
  taskCode: taskId,
  title: taskId,
  stageKey: 'work',
  level,
  toRole: 'unit-head',
  unitCode,
  unitName: unitCode === 'water-air' ? '水气股' : '生态股',
  raisedAt: '2021-10-11T01:00:00.000Z',
});

function serviceOver(rows: OpenEscalationRow[]) {
  const asked: OpenEscalationFilter[] = [];
  const repo = {
    open: async (f: OpenEscalationFilter) => {
      asked.push(f);
      return rows;
    },
  } as unknown as EscalationRepository;
  return { service: new EscalationQueryService(repo), asked };
}

describe('the 督办 board', () => {
  it('shows each actor the escalations of the units they may see', async () => {
    const { service, asked } = serviceOver([]);
    await service.open(head, { level: 2 });
    await service.open(deputy);
    await service.open(supervisor, { toRole: 'supervisor' });
    expect(asked).toEqual([
      { units: ['water-air'], level: 2 },
      { units: ['water-air'] },
      { units: null, toRole: 'supervisor' },
    ]);
  });

  it('counts escalated tasks per unit at their current rung', async () => {
    const { service } = serviceOver([
      open('a', 'water-air', 3),
      open('b', 'water-air', 1),
      open('c', 'ecology', 2),
      open('d', 'water-air', 1),
    ]);
    await expect(service.summary(supervisor)).resolves.toEqual({
      total: 4,
      byUnit: [
        { unit: 'water-air', unitName: '水气股', level1: 2, level2: 0, level3: 1 },
        { unit: 'ecology', unitName: '生态股', level1: 0, level2: 1, level3: 0 },
      ],
    });
  });
});
