import { canSeeTask, unitScopeOf } from './task-visibility';

const task = { leadUnit: 'water-air', cooperatingUnits: ['monitoring'] };

describe('task visibility', () => {
  it('lets a handler see tasks their unit leads or cooperates on, and no others', () => {
    expect(canSeeTask({ userId: 'u', role: 'handler', unitCode: 'water-air' }, task)).toBe(true);
    expect(canSeeTask({ userId: 'u', role: 'handler', unitCode: 'monitoring' }, task)).toBe(true);
    expect(canSeeTask({ userId: 'u', role: 'unit-head', unitCode: 'ecology' }, task)).toBe(false);
  });

  it('limits a deputy director to the units assigned to them', () => {
    const deputy = { userId: 'd', role: 'deputy-director' as const, unitCode: null, deputyUnits: ['ecology'] };
    expect(canSeeTask(deputy, task)).toBe(false);
    expect(canSeeTask({ ...deputy, deputyUnits: ['monitoring'] }, task)).toBe(true);
    expect(unitScopeOf(deputy)).toEqual({ all: false, units: ['ecology'] });
  });

  it('gives supervisors and admins every unit', () => {
    expect(unitScopeOf({ userId: 's', role: 'supervisor', unitCode: null })).toEqual({ all: true });
    expect(canSeeTask({ userId: 'a', role: 'admin', unitCode: null }, task)).toBe(true);
  });

  it('shows nothing to a unit-less handler', () => {
    expect(canSeeTask({ userId: 'u', role: 'handler', unitCode: null }, task)).toBe(false);
  });
});
