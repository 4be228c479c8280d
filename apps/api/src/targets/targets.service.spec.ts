import { Client } from '@temporalio/client';
import { pm25Definition } from '@duban/domain/kpi/indicator.fixtures';
import { IndicatorRecord } from '@duban/persistence/read/indicator-standings';
import { IndicatorRepository, ReadingToStore } from '@duban/persistence/repositories/indicator-repository';
import { UnitRepository } from '@duban/persistence/repositories/unit-repository';
import { AuthUser } from '../auth/auth-user';
import { TargetsService } from './targets.service';

const ID = '8f6a1c2e-0d4b-4e7a-9a51-2f1d3c4b5a60';
const pm25 = pm25Definition({ indicatorId: ID, planId: 'p', year: 2027 });
const record: IndicatorRecord = {
  definition: pm25,
  seq: 1,
  margin: null,
  qualitativeStatus: null,
  ownerUnitName: '监测站',
};
const user = (role: AuthUser['role'], unitCode: string | null) =>
  ({ id: `u-${role}`, username: role, role, unitCode }) as AuthUser;

/** The service over an in-memory store of one indicator; what it saves and signals is recorded. */
function serviceOver() {
  const saved: ReadingToStore[][] = [];
  const signalled: unknown[] = [];
  const indicators = {
    records: async () => [record],
    saveReadings: async (r: ReadingToStore[]) => void saved.push(r),
    standings: async () => [{ indicatorId: ID }],
    reminders: async () => [],
  } as unknown as IndicatorRepository;
  const units = { findActive: async () => null } as unknown as UnitRepository;
  const client = {
    workflow: { getHandle: () => ({ signal: async (_def: unknown, arg: unknown) => void signalled.push(arg) }) },
  } as unknown as Client;
  return { service: new TargetsService(indicators, units, client), saved, signalled };
}

const csv = (...rows: string[]) => Buffer.from(['indicator,period,value,unit', ...rows].join('\n'));

describe('TargetsService', () => {
  it('stores a reading of the owner unit, then tells the indicator’s workflow', async () => {
    const { service, saved, signalled } = serviceOver();
    await service.enterReading(user('handler', 'monitoring'), ID, { period: '2027-01', value: 38, unit: 'ug/m3' });
    expect(saved).toEqual([
      [
        {
          indicatorId: ID,
          reading: { period: '2027-01', value: 38, goodDays: null, validDays: null },
          enteredBy: 'u-handler',
        },
      ],
    ]);
    expect(signalled).toEqual([{ period: '2027-01', value: 38 }]);
  });

  it('refuses another unit, and a bad reading, storing nothing', async () => {
    const { service, saved, signalled } = serviceOver();
    await expect(
      service.enterReading(user('handler', 'water-air'), ID, { period: '2027-01', value: 38 }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      service.enterReading(user('supervisor', null), ID, { period: '2027-13', value: -1 }),
    ).rejects.toMatchObject({ status: 400, details: { field: 'period' } });
    expect([saved, signalled]).toEqual([[], []]);
  });

  it('takes a CSV all or nothing, naming every bad row', async () => {
    const { service, saved } = serviceOver();
    const bad = service.uploadCsv(
      user('supervisor', null),
      'p',
      csv('1.1,2027-01,36,ug/m3', '1.1,2027-02,-3,ug/m3', '9.9,2027-01,1,'),
    );
    await expect(bad).rejects.toMatchObject({
      status: 400,
      code: 'CSV_ROWS_INVALID',
      messageZh: expect.stringMatching(/第 3 行：数值-3不能为负。第 4 行：指标“9\.9”不存在/),
    });
    expect(saved).toEqual([]);
    await expect(
      service.uploadCsv(user('supervisor', null), 'p', csv('1.1,2027-01,36,ug/m3', '1.1,2027-02,31,ug/m3')),
    ).resolves.toEqual({ planId: 'p', written: 2 });
    expect(saved).toHaveLength(1); // one transaction for the file
    expect(saved[0].map((r) => r.reading.period)).toEqual(['2027-01', '2027-02']);
  });

  it('refuses settings naming a unit that is not active, changing nothing', async () => {
    const { service } = serviceOver();
    await expect(service.updateSettings(ID, { ownerUnit: 'gone' })).rejects.toMatchObject({ code: 'UNKNOWN_UNIT' });
    await expect(service.updateSettings('not-a-uuid', {})).rejects.toMatchObject({ status: 404 });
  });
});
