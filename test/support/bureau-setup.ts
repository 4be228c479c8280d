/**
 * The parts of the API the bureau set-up tests call directly rather than through a page: what
 * `npm run admin:create` runs, and the reader of staff sheets (to read an exported sheet back).
 */
export { createAdmin } from '../../apps/api/src/cli/create-admin';
export { rosterGrid } from '../../apps/api/src/users/roster/roster-sheet';
