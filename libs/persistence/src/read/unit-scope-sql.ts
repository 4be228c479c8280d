/**
 * The tasks of some units, for SQL over `task t`: led by one of them or with one of them
 * cooperating. `units` is the placeholder of a text[] parameter (`$2`, `:scopeUnits`).
 */
export function unitScopeSql(units: string): string {
  return `(t.lead_unit = ANY(${units}) OR t.cooperating_units && ${units})`;
}
