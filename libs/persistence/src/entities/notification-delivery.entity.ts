import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Per-channel delivery state of a notification, so a retried activity never sends twice. */
@Entity('notification_delivery')
export class NotificationDeliveryEntity {
  @PrimaryColumn({ name: 'dedup_key', type: 'varchar', length: 256 })
  dedupKey: string;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  channel: string;

  /** sending | delivered | failed */
  @Column({ type: 'varchar', length: 16 })
  status: string;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
