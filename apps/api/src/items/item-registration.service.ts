import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { shanghaiDate } from '@duban/domain/calendar/shanghai-time';
import { CalendarSource } from '@duban/domain/calendar/calendar-source';
import { BadInputError, NotFoundError } from '@duban/domain/errors/domain-error';
import { itemPolicyOf } from '@duban/domain/items/item-policy';
import { batchWithItem, RegisteredItem } from '@duban/domain/items/registered-batch';
import { DEFAULT_URGENCY_WORKDAYS, receiptWorkdaysFor, urgencyDeadline } from '@duban/domain/items/urgency';
import { checkedReceiptWorkdays } from '@duban/domain/task/receipt';
import { URGENCY_LABELS } from '@duban/domain/labels/labels';
import { PlanTree, TaskItem } from '@duban/domain/plan/plan-tree';
import { taskWorkflowId } from '@duban/domain/task/task-types';
import { CalendarStore } from '@duban/persistence/calendar/calendar-store';
import { PlanRepository } from '@duban/persistence/repositories/plan-repository';
import { Transactions } from '@duban/persistence/repositories/transactions';
import { UnitRepository } from '@duban/persistence/repositories/unit-repository';
import { AuthUser } from '../auth/auth-user';
import { actorOf } from '../common/actor-of';
import { PlanImportService } from '../plans/plan-import.service';
import { RegisterItemDto } from './register-item.dto';

export interface RegisteredItemResult {
  batchId: string;
  taskId: string;
  code: string;
  dueDate: string;
  /** False when the same item was registered in the batch already (a retried form, say). */
  created: boolean;
}

/**
 * 立项: a supervisor registers one item — a leader's instruction, a meeting decision, an item
 * passed down — and it runs as the same task workflow as a plan's leaf. Items registered
 * together form a batch, stored and imported like a plan (one transaction, one workflow each).
 */
@Injectable()
export class ItemRegistrationService {
  constructor(
    private readonly plans: PlanRepository,
    private readonly units: UnitRepository,
    private readonly transactions: Transactions,
    private readonly imports: PlanImportService,
    @Inject(CalendarStore) private readonly calendars: CalendarSource,
  ) {}

  /** `requestId` names the form or API request: a retry of a new batch lands in the same batch. */
  async register(dto: RegisterItemDto, actor: AuthUser, requestId: string): Promise<RegisteredItemResult> {
    if (!dto.dueDate === !dto.urgency) {
      throw new BadInputError(
        'DEADLINE_REQUIRED',
        '请填写办结期限或选择紧急程度（二选一）',
        'Give dueDate or urgency, not both',
        {
          field: 'dueDate',
        },
      );
    }
    const { policy, problem } = itemPolicyOf(dto.reminderOffsets, dto.escalationAfterWorkdays);
    if (problem) throw new BadInputError('BAD_POLICY', problem.message, problem.message, { field: problem.field });
    const receiptWorkdays = checkedReceiptWorkdays(dto.receiptWorkdays ?? receiptWorkdaysFor(dto.urgency));
    const lead = await this.units.findActive(dto.leadUnit);
    if (!lead) throw unknownUnit(dto.leadUnit, 'leadUnit');
    const cooperating = [];
    for (const code of new Set(dto.cooperatingUnits ?? [])) {
      if (code === dto.leadUnit) continue;
      const unit = await this.units.findActive(code);
      if (!unit) throw unknownUnit(code, 'cooperatingUnits');
      cooperating.push(unit.name);
    }
    // 核实单位: any active unit but the lead (who cannot verify its own work).
    const verifying = dto.verifyingUnit ? await this.units.findActive(dto.verifyingUnit) : null;
    if (dto.verifyingUnit && !verifying) throw unknownUnit(dto.verifyingUnit, 'verifyingUnit');
    if (verifying && verifying.code === lead.code) {
      throw new BadInputError(
        'VERIFIER_IS_LEAD',
        '核实单位不能是牵头单位本身',
        'The verifying unit cannot be the lead unit',
        { field: 'verifyingUnit' },
      );
    }
    const today = shanghaiDate(new Date());
    const calendar = await this.calendars.calendar();
    const deadline = dto.dueDate ?? urgencyDeadline(dto.urgency!, today, calendar);
    if (deadline < today) {
      throw new BadInputError('DEADLINE_PAST', `办结期限 ${deadline} 早于今天`, `dueDate ${deadline} is in the past`, {
        field: 'dueDate',
      });
    }
    const item: RegisteredItem = {
      title: dto.title,
      body: dto.body?.trim() ?? '',
      leadUnit: lead.name,
      cooperatingUnits: cooperating,
      deadline,
      deadlineText: dto.urgency
        ? `${URGENCY_LABELS[dto.urgency]}（${DEFAULT_URGENCY_WORKDAYS[dto.urgency]} 个工作日）`
        : `${deadline}前办结`,
      kind: dto.kind ?? 'assigned',
      policy: { ...policy, receiptWorkdays },
      ...(verifying ? { verifyingUnit: verifying.code } : {}),
    };
    const batchId = dto.batchId ?? newBatchId(today, requestId);
    // One registration into a batch at a time: each reads the batch, appends and imports it again.
    return this.transactions.run(async (tx) => {
      await tx.advisoryLock(lockKey(batchId));
      const existing = await this.plans.find(batchId);
      if (dto.batchId && (!existing || existing.sourceKind === 'workplan')) {
        throw new NotFoundError('批次', dto.batchId);
      }
      const tree = (existing?.tree as PlanTree | undefined) ?? null;
      const same = tree?.sections[0]?.items.find((i) => sameItem(i, item));
      if (same) return result(batchId, same.code, deadline, false);
      const next = batchWithItem(
        tree,
        {
          title: dto.batchTitle || dto.title,
          sourceKind: dto.sourceKind,
          year: Number(deadline.slice(0, 4)),
          issuer: dto.issuer,
          issuedOn: dto.issuedOn,
          docNumber: dto.docNumber,
        },
        item,
      );
      await this.imports.importPlan(next, { planId: batchId, confirm: true, actor: actorOf(actor) });
      const added = next.sections[0].items.at(-1)!;
      return result(batchId, added.code, deadline, true);
    });
  }
}

function result(batchId: string, code: string, dueDate: string, created: boolean): RegisteredItemResult {
  return { batchId, taskId: taskWorkflowId(batchId, code), code, dueDate, created };
}

/** The same item again: what it asks, of whom, by when (a double-clicked form, a retried request). */
function sameItem(existing: TaskItem, item: RegisteredItem): boolean {
  return (
    existing.title === item.title &&
    existing.body === (item.body || item.title) &&
    existing.responsibility?.lead.name === item.leadUnit &&
    existing.deadline.date === item.deadline
  );
}

function newBatchId(today: string, requestId: string): string {
  const suffix = createHash('sha256').update(requestId).digest('hex').slice(0, 8);
  return `items-${today.replace(/-/g, '')}-${suffix}`;
}

function lockKey(batchId: string): number {
  return createHash('sha256').update(`batch:${batchId}`).digest().readInt32BE(0);
}

function unknownUnit(code: string, field: string): BadInputError {
  return new BadInputError(
    'UNKNOWN_UNIT',
    `单位 ${code} 不存在或已停用`,
    `Unit ${code} does not exist or is inactive`,
    {
      field,
    },
  );
}
