import { ApplicationFailure } from '@temporalio/activity';
import { DataSource } from 'typeorm';
import { BulletinContent } from '@duban/domain/bulletin/bulletin-content';
import { BulletinActivities } from '@duban/domain/bulletin/bulletin-workflow-contract';
import { isoWeekOf } from '@duban/domain/bulletin/iso-week';
import { shanghaiDate } from '@duban/domain/calendar/shanghai-time';
import { Notifier } from '@duban/notify';
import { escalationsRaisedBetween, overdueTasks, unitTaskFigures } from '@duban/persistence/read/bulletin-queries';
import { BulletinRepository } from '@duban/persistence/repositories/bulletin-repository';
import { PlanRepository } from '@duban/persistence/repositories/plan-repository';
import { indicatorStandings } from '@duban/persistence/read/indicator-standings';
import { deliverOnEveryChannel } from '../notification/deliver-on-every-channel';
import { UserRepository } from '@duban/persistence/repositories/user-repository';
import { withEmails } from '../notification/notification-activities';

const WEEK_MS = 7 * 86_400_000;

/** Computes, stores and delivers the weekly bulletin; reads only the projection tables. */
export function createBulletinActivities(deps: {
  db: DataSource;
  notifier: Notifier;
  margin: number;
  publicUrl?: string;
}): BulletinActivities {
  const { db, notifier } = deps;
  const plans = new PlanRepository(db);
  const bulletins = new BulletinRepository(db);
  const users = new UserRepository(db);
  return {
    async computeBulletin({ planId, at }) {
      const asOf = new Date(at);
      if (Number.isNaN(asOf.getTime())) throw ApplicationFailure.nonRetryable(`not an instant: ${at}`, 'BadInstant');
      const plan = await plans.findOrLatest(planId);
      if (!plan) throw ApplicationFailure.nonRetryable(`no plan ${planId ?? '(none imported yet)'}`, 'NoPlan');
      const since = new Date(asOf.getTime() - WEEK_MS);
      const { week, monday } = isoWeekOf(shanghaiDate(asOf));
      const units = await unitTaskFigures(db, plan.id, asOf);
      const standings = await indicatorStandings(
        db,
        { planId: plan.id },
        { asOf: shanghaiDate(asOf), margin: deps.margin },
      );
      const content: BulletinContent = {
        planId: plan.id,
        planTitle: plan.title,
        week,
        weekStart: monday,
        asOf: asOf.toISOString(),
        since: since.toISOString(),
        units,
        totals: units.reduce(
          (a, u) => ({
            total: a.total + u.total,
            done: a.done + u.done,
            onTrack: a.onTrack + u.onTrack,
            dueSoon: a.dueSoon + u.dueSoon,
            overdue: a.overdue + u.overdue,
            escalated: a.escalated + u.escalated,
          }),
          { total: 0, done: 0, onTrack: 0, dueSoon: 0, overdue: 0, escalated: 0 },
        ),
        overdue: await overdueTasks(db, plan.id, asOf),
        newEscalations: await escalationsRaisedBetween(db, plan.id, since, asOf),
        targets: standings.map((s) => ({
          indicatorId: s.indicatorId,
          targetCode: s.targetCode,
          name: s.name,
          ownerUnit: s.ownerUnit,
          ownerUnitName: s.ownerUnitName,
          comparator: s.comparator,
          target: s.target,
          unit: s.unit,
          ytd: s.ytd,
          light: s.light,
          lightReason: s.lightReason,
          neededRemaining: s.neededRemaining,
          missingPeriods: s.missingPeriods,
        })),
      };
      return content;
    },

    async storeBulletin(content) {
      return bulletins.store(content);
    },

    async deliverBulletin({ id, planId, week, title, body }) {
      const heads = await plans.leadUnits(planId);
      const recipients = await withEmails(users, [
        { unitCode: '*', role: 'supervisor' },
        { unitCode: '*', role: 'deputy-director' },
        ...heads.map((unitCode) => ({ unitCode, role: 'unit-head' })),
      ]);
      const n = {
        dedupKey: `bulletin/${planId}/${week}`,
        kind: 'bulletin' as const,
        title,
        body,
        recipients,
        taskRef: {
          planId,
          taskCode: `bulletin/${week}`,
          url: deps.publicUrl ? `${deps.publicUrl}/ui/bulletins/${id}` : undefined,
        },
      };
      await deliverOnEveryChannel(notifier, n);
    },
  };
}
