import { readFileSync } from 'node:fs';

/**
 * A coarse profile of a benchmark phase: CPU seconds spent by the worker, the API and the benchmark
 * process, against the whole machine's busy time (the rest is Temporal, PostgreSQL and others).
 */
export class CpuSplit {
  private readonly start: Record<string, number>;

  constructor(private readonly pids: Record<string, number>) {
    this.start = this.sample();
  }

  /** CPU seconds per process and for the machine since construction. */
  read(): Record<string, number> {
    const now = this.sample();
    const out: Record<string, number> = {};
    for (const key of Object.keys(now)) out[key] = Math.round((now[key] - this.start[key]) * 10) / 10;
    out.otherSec =
      Math.round(
        (out.machineBusySec -
          Object.entries(out)
            .filter(([k]) => k !== 'machineBusySec')
            .reduce((a, [, v]) => a + v, 0)) *
          10,
      ) / 10;
    return out;
  }

  private sample(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [name, pid] of Object.entries(this.pids)) out[`${name}Sec`] = processCpuSeconds(pid);
    out.machineBusySec = machineBusySeconds();
    return out;
  }
}

const TICKS = 100; // USER_HZ on Linux

function processCpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS; // utime + stime
  } catch {
    return 0;
  }
}

function machineBusySeconds(): number {
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0].split(/\s+/).slice(1).map(Number);
  const idle = cpu[3] + cpu[4];
  return (cpu.reduce((a, b) => a + b, 0) - idle) / TICKS;
}
