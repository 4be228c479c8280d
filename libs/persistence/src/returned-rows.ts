/** The rows an INSERT/UPDATE … RETURNING gave back (TypeORM's postgres driver answers [rows, count] for an UPDATE). */
export function returnedRows(result: unknown[]): unknown[] {
  return Array.isArray(result[0]) ? (result[0] as unknown[]) : result;
}
