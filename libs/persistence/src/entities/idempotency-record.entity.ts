import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The first answer given to an action request; a retry with the same key gets it again. */
@Entity('idempotency_record')
export class IdempotencyRecordEntity {
  @PrimaryColumn({ type: 'varchar', length: 128 })
  key: string;

  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 64 })
  userId: string;

  @Column({ type: 'varchar', length: 256 })
  route: string;

  @Column({ name: 'status_code', type: 'int' })
  statusCode: number;

  @Column({ type: 'jsonb' })
  response: unknown;

  /** sha256 of the request (route + body): the same key with another body is refused. */
  @Column({ name: 'request_hash', type: 'char', length: 64, nullable: true })
  requestHash: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
