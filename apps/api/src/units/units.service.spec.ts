import { AuditRecord } from '@duban/persistence/audit/audit-log.writer';
import { OrgUnitEntity } from '@duban/persistence/entities';
import { inMemoryUnits } from '@duban/persistence/testing/in-memory-accounts';
import { AuditLog } from '../auth/audit-log';
import { AuthUser } from '../auth/auth-user';
import { UnitsService } from './units.service';

const admin: AuthUser = {
  id: 'u-a',
  username: 'admin',
  displayName: '管理员',
  role: 'admin',
  unitCode: null,
  deputyUnits: [],
};

function serviceOver(initial: Partial<OrgUnitEntity>[] = []) {
  const units = inMemoryUnits(initial);
  const audited: AuditRecord[] = [];
  const audit = { record: async (r: AuditRecord) => void audited.push(r) } as unknown as AuditLog;
  return { service: new UnitsService(units.repository, audit), rows: units.rows, audited };
}

describe('the managed list of units', () => {
  it('creates a unit with a trimmed name and each alias once, and audits it', async () => {
    const { service, rows, audited } = serviceOver();
    const view = await service.create(
      { code: 'solid-waste', name: ' 固废股 ', aliases: ['固废科', ' 固废科 ', ''], kind: 'section' },
      admin,
    );
    expect(view).toMatchObject({ code: 'solid-waste', name: '固废股', aliases: ['固废科'], active: true });
    expect(rows.map((r) => r.code)).toEqual(['solid-waste']);
    expect(audited).toEqual([expect.objectContaining({ action: 'unit-create', outcome: 'ok', actor: admin })]);
  });

  it('refuses a code that is taken, active or not, and writes nothing', async () => {
    const { service, rows, audited } = serviceOver([{ code: 'ecology', name: '生态股', active: false }]);
    await expect(service.create({ code: 'ecology', name: '生态科', kind: 'section' }, admin)).rejects.toMatchObject({
      status: 409,
      code: 'UNIT_EXISTS',
    });
    expect(rows).toHaveLength(1);
    expect(audited).toEqual([]);
  });

  it('answers a name or alias another unit answers to as a conflict naming both', async () => {
    const { service } = serviceOver([{ code: 'ecology', name: '生态股', aliases: ['自然生态股'] }]);
    await expect(service.create({ code: 'eco2', name: '生态股', kind: 'section' }, admin)).rejects.toMatchObject({
      status: 409,
      code: 'UNIT_NAME_TAKEN',
      messageZh: '「生态股」已是单位「生态股」的名称或别名',
      details: { field: 'name' },
    });
    await expect(
      service.create({ code: 'eco3', name: '新股', aliases: ['自然 生态股'], kind: 'section' }, admin),
    ).rejects.toMatchObject({ code: 'UNIT_NAME_TAKEN', details: { field: 'aliases' } });
    await expect(service.update('ecology', { name: '生态股' }, admin)).resolves.toMatchObject({ name: '生态股' });
  });

  it('changes only the fields given and audits the unit before and after', async () => {
    const { service, audited } = serviceOver([{ code: 'ecology', name: '生态股', aliases: ['生态科'] }]);
    const view = await service.update('ecology', { aliases: ['自然生态股', '自然生态股'], active: false }, admin);
    expect(view).toMatchObject({ name: '生态股', aliases: ['自然生态股'], active: false });
    expect(audited[0]).toMatchObject({
      action: 'unit-update',
      before: expect.objectContaining({ aliases: ['生态科'], active: true }),
      after: expect.objectContaining({ aliases: ['自然生态股'], active: false }),
    });
  });

  it('answers a unit that is not there as not found', async () => {
    await expect(serviceOver().service.update('nope', { name: 'x' }, admin)).rejects.toMatchObject({ status: 404 });
  });

  it('names every unknown code of a field at once; inactive units count as known', async () => {
    const { service } = serviceOver([{ code: 'ecology', active: false }]);
    await expect(service.assertKnown(['ecology', 'x', 'y', 'x'], 'deputyUnits')).rejects.toMatchObject({
      status: 400,
      code: 'UNKNOWN_UNIT',
      details: { field: 'deputyUnits', codes: ['x', 'y'] },
    });
    await expect(service.assertKnown(['ecology'], 'unitCode')).resolves.toBeUndefined();
    await expect(service.assertKnown([], 'unitCode')).resolves.toBeUndefined();
  });

  it('lists every unit in the order they were set up', async () => {
    const { service } = serviceOver([
      { code: 'b', name: '乙' },
      { code: 'a', name: '甲', active: false },
    ]);
    expect((await service.list()).map((u) => u.code)).toEqual(['b', 'a']);
  });
});
