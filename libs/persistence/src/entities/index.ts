import { EscalationEntity } from './escalation.entity';
import { EvidenceEntity } from './evidence.entity';
import { IdempotencyRecordEntity } from './idempotency-record.entity';
import { IndicatorEntity } from './indicator.entity';
import { KpiReadingEntity } from './kpi-reading.entity';
import { NotificationDeliveryEntity } from './notification-delivery.entity';
import { NotificationEntity } from './notification.entity';
import { OrgUnitEntity } from './org-unit.entity';
import { PlanEntity } from './plan.entity';
import { RevokedTokenEntity } from './revoked-token.entity';
import { TaskEventEntity } from './task-event.entity';
import { TaskStageEntity } from './task-stage.entity';
import { TaskEntity } from './task.entity';
import { UserEntity } from './user.entity';

export {
  EscalationEntity,
  EvidenceEntity,
  IdempotencyRecordEntity,
  IndicatorEntity,
  KpiReadingEntity,
  NotificationDeliveryEntity,
  NotificationEntity,
  OrgUnitEntity,
  PlanEntity,
  RevokedTokenEntity,
  TaskEventEntity,
  TaskStageEntity,
  TaskEntity,
  UserEntity,
};

export const ALL_ENTITIES = [
  EscalationEntity,
  EvidenceEntity,
  IdempotencyRecordEntity,
  IndicatorEntity,
  KpiReadingEntity,
  NotificationDeliveryEntity,
  NotificationEntity,
  OrgUnitEntity,
  PlanEntity,
  RevokedTokenEntity,
  TaskEventEntity,
  TaskStageEntity,
  TaskEntity,
  UserEntity,
];
