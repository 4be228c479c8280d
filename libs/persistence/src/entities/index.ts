export * from './entity-classes';
export { ALL_ENTITIES } from './all-entities';
