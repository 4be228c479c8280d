import * as entityClasses from './entity-classes';

/** The entity classes TypeORM registers: every class exported by entity-classes.ts. */
export const ALL_ENTITIES = Object.values(entityClasses);
