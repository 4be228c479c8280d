import { Module } from '@nestjs/common';
import { EscalationsController } from './escalations.controller';
import { EscalationQueryService } from './escalation-query.service';

/** Open escalations (督办) in the actor's scope (/escalations). */
@Module({
  controllers: [EscalationsController],
  providers: [EscalationQueryService],
  exports: [EscalationQueryService],
})
export class EscalationsModule {}
