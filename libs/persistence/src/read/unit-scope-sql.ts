/**
 * The tasks of some units, for SQL over `task t`: led by one of them, with one of them
 * cooperating, or to be verified by one of them (核实单位). `units` is the placeholder of a text[] parameter (`$2`, `:scopeUnits`).
 */
export function unitScopeSql(units: string): string {
  return `(t.lead_unit = ANY(${units}) OR t.cooperating_units && ${units} OR t.verifying_unit = ANY(${units}))`;
}
