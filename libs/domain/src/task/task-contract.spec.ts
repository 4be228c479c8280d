import {
  TASK_ACTIONS,
  TASK_ACTIVITY_NAMES,
  TASK_UPDATE_NAMES,
  problemWorkflowId,
  taskWorkflowId,
} from './task-contract';

describe('task contract', () => {
  it('names one update per action', () => {
    expect([...TASK_UPDATE_NAMES].sort()).toEqual([...TASK_ACTIONS].sort());
  });

  it('names activities by their keys', () => {
    for (const [key, name] of Object.entries(TASK_ACTIVITY_NAMES)) expect(name).toBe(key);
  });

  it('derives workflow ids from plan, task code and problem id', () => {
    expect(taskWorkflowId('xinjian-2021', '3.1.4')).toBe('xinjian-2021/3.1.4');
    expect(problemWorkflowId('xinjian-2021', '5.1', 'P1')).toBe('xinjian-2021/5.1/problem/P1');
  });
});
