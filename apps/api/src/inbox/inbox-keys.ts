import { ActorRef } from '@duban/domain/access/actor';

/**
 * The "<unit>:<role>" keys that put a task into this actor's inbox (see task.awaiting).
 * A deputy director answers for each unit assigned to them; a supervisor for all.
 */
export function inboxKeysOf(actor: ActorRef): string[] {
  if (actor.role === 'supervisor') return ['*:supervisor'];
  if (actor.role === 'admin') return [];
  const units = actor.role === 'deputy-director' ? (actor.deputyUnits ?? []) : actor.unitCode ? [actor.unitCode] : [];
  return units.map((unit) => `${unit}:${actor.role}`);
}
