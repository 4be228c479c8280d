/**
 * The text values of a claim: a string, a number or an array of them. `a.b` reaches into an object
 * claim (e.g. Keycloak's `realm_access.roles`) when no claim has that very name.
 */
export function claimValues(claims: Record<string, unknown>, name: string): string[] {
  const value = name in claims ? claims[name] : nested(claims, name.split('.'));
  const items = Array.isArray(value) ? value : [value];
  return items
    .filter((v): v is string | number => typeof v === 'string' || typeof v === 'number')
    .map((v) => String(v).trim())
    .filter((v) => v !== '');
}

function nested(claims: Record<string, unknown>, path: string[]): unknown {
  let here: unknown = claims;
  for (const key of path) {
    if (typeof here !== 'object' || here === null || Array.isArray(here)) return undefined;
    here = (here as Record<string, unknown>)[key];
  }
  return here;
}
