/** Who is acting, as the API passes it to services and workflows (from the authenticated user). */
export type ActorRole = 'handler' | 'unit-head' | 'deputy-director' | 'supervisor' | 'admin';

export interface ActorRef {
  userId: string;
  role: ActorRole;
  unitCode: string | null;
  /** Units a deputy director oversees. */
  deputyUnits?: string[];
}
