/**
 * A code for a unit nobody gave one (an import met its name, an admin left the code blank): from
 * its name, unique among the codes taken. Codes are ASCII because they go into ids and usernames.
 */
export function unitCodeFor(name: string, taken: ReadonlySet<string>): string {
  const base = `unit-${Buffer.from(name).toString('hex').slice(0, 12)}`;
  let code = base;
  for (let i = 2; taken.has(code); i++) code = `${base}-${i}`;
  return code;
}
