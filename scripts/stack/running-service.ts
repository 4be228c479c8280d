/** A local service a launcher started (Temporal dev server, embedded PostgreSQL) and must stop. */
export interface RunningService {
  name: string;
  /** What clients use: host:port for Temporal, a postgres:// URL for PostgreSQL. */
  address: string;
  stop(): Promise<void>;
}
