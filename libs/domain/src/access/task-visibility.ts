import { ActorRef } from './actor';

/** The units whose tasks an actor may see: every unit, or a list (lead or cooperating). */
export type UnitScope = { all: true } | { all: false; units: string[] };

/**
 * Object-level visibility: supervisors and admins see everything; a deputy director sees the units
 * assigned to them; handlers and unit heads see the tasks their own unit leads or cooperates on.
 */
export function unitScopeOf(actor: ActorRef): UnitScope {
  if (actor.role === 'supervisor' || actor.role === 'admin') return { all: true };
  if (actor.role === 'deputy-director') return { all: false, units: [...(actor.deputyUnits ?? [])] };
  return { all: false, units: actor.unitCode ? [actor.unitCode] : [] };
}

export function canSeeTask(
  actor: ActorRef,
  task: { leadUnit: string | null; cooperatingUnits: string[]; verifyingUnit?: string | null },
): boolean {
  const scope = unitScopeOf(actor);
  if (scope.all) return true;
  // The verifying unit (核实单位) sees what it is to verify.
  return scope.units.some((u) => u === task.leadUnit || task.cooperatingUnits.includes(u) || u === task.verifyingUnit);
}
