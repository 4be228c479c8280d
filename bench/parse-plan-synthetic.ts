import { toChineseNumeral } from '@duban/workplan/numbering';

/**
 * A large plan for the parser benchmark: the task sections of a real plan replicated until the
 * plan holds at least `minItems` numbered items, each copy renumbered (（十）, （十一）, …) so the
 * result is a valid plan, not a pile of duplicate codes.
 */
export function syntheticPlan(realPlan: string, minItems: number): { text: string; sections: number } {
  const lines = realPlan.split('\n');
  const tasksAt = lines.findIndex((l) => /^[一二三四五六七八九十]+、\s*主要任务/.test(l.trim()));
  if (tasksAt < 0) throw new Error('the real plan has no 主要任务 heading');
  const head = lines.slice(0, tasksAt + 1);
  const sections: string[][] = [];
  for (const line of lines.slice(tasksAt + 1)) {
    if (/^[(（][一二三四五六七八九十]+[)）]/.test(line.trim())) sections.push([line]);
    else if (sections.length > 0) sections[sections.length - 1].push(line);
  }
  const itemsPerCopy = sections.flat().filter((l) => /^\d+[.、．]/.test(l.trim())).length;
  const copies = Math.ceil(minItems / itemsPerCopy);
  const out = [...head];
  let number = 0;
  for (let c = 0; c < copies; c++) {
    for (const section of sections) {
      number++;
      out.push(section[0].trim().replace(/^[(（][一二三四五六七八九十]+[)）]/, `（${toChineseNumeral(number)}）`));
      out.push(...section.slice(1));
    }
  }
  return { text: out.join('\n'), sections: number };
}
