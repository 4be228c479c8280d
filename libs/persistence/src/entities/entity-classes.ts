// Every entity class of the read model (one place to add a new one).
export { EscalationEntity } from './escalation.entity';
export { EvidenceEntity } from './evidence.entity';
export { IdempotencyRecordEntity } from './idempotency-record.entity';
export { IndicatorEntity } from './indicator.entity';
export { KpiReadingEntity } from './kpi-reading.entity';
export { NotificationDeliveryEntity } from './notification-delivery.entity';
export { NotificationEntity } from './notification.entity';
export { OrgUnitEntity } from './org-unit.entity';
export { PlanEntity } from './plan.entity';
export { RevokedTokenEntity } from './revoked-token.entity';
export { TaskEventEntity } from './task-event.entity';
export { TaskStageEntity } from './task-stage.entity';
export { TaskEntity } from './task.entity';
export { UserEntity } from './user.entity';
export { BulletinEntity } from './bulletin.entity';
export { KpiReminderEntity } from './kpi-reminder.entity';
