import { DataSource, EntityManager } from 'typeorm';
import { defaultOwnerUnit } from '@duban/domain/kpi/default-owner';
import { computeIndicatorStatus, IndicatorDefinition } from '@duban/domain/kpi/indicator-standing';
import {
  IndicatorReadingView,
  IndicatorStatusView,
  QualitativeStatusView,
  ReportingPeriod,
  YtdMethod,
} from '@duban/domain/kpi/indicator-status';
import { inferYtdMethod } from '@duban/domain/kpi/ytd-method';

/** An indicator row with its settings resolved (owner, period, method, margin) and its plan year. */
export interface IndicatorRecord {
  definition: IndicatorDefinition;
  seq: number;
  /** The indicator's own margin, or null for the configured default. */
  margin: number | null;
  qualitativeStatus: QualitativeStatusView | null;
  ownerUnitName: string | null;
}

/**
 * The indicators of a plan (or one indicator) as the KPI service, the Targets page and the bulletin
 * activity read them. Unset settings take their defaults here: owner 监测站 for air and water,
 * monthly reporting, the method inferred from name and unit.
 */
export async function loadIndicators(
  db: DataSource | EntityManager,
  filter: { planId?: string; indicatorId?: string },
): Promise<IndicatorRecord[]> {
  const rows: Record<string, unknown>[] = await db.query(
    `SELECT i.*, p.year, COALESCE(u.name, i.owner_unit) AS owner_name, du.name AS default_owner_name
       FROM indicator i JOIN plan p ON p.id = i.plan_id
       LEFT JOIN org_unit u ON u.code = i.owner_unit
       LEFT JOIN org_unit du ON du.code = 'monitoring'
      WHERE ($1::varchar IS NULL OR i.plan_id = $1) AND ($2::uuid IS NULL OR i.id = $2)
      ORDER BY i.plan_id, length(i.target_code), i.target_code, i.seq`,
    [filter.planId ?? null, filter.indicatorId ?? null],
  );
  return rows.map((r) => {
    const name = String(r.name);
    const unit = (r.unit as string | null) ?? null;
    const qualitative = Boolean(r.qualitative);
    const owner = (r.owner_unit as string | null) ?? (qualitative ? null : defaultOwnerUnit(name));
    const ownerUnitName = r.owner_unit
      ? String(r.owner_name)
      : owner
        ? ((r.default_owner_name as string | null) ?? owner)
        : null;
    return {
      definition: {
        indicatorId: String(r.id),
        planId: String(r.plan_id),
        targetCode: String(r.target_code),
        name,
        comparator: (r.comparator as string | null) ?? null,
        target: r.value === null ? null : Number(r.value),
        unit,
        aspirational: Boolean(r.aspirational),
        qualitative,
        ownerUnit: owner,
        period: ((r.reporting_period as string | null) ?? 'monthly') as ReportingPeriod,
        method: ((r.ytd_method as string | null) ?? inferYtdMethod(name, unit)) as YtdMethod,
        year: Number(r.year),
      },
      seq: Number(r.seq),
      margin: r.warning_margin === null ? null : Number(r.warning_margin),
      qualitativeStatus: r.qualitative_status
        ? {
            status: r.qualitative_status as QualitativeStatusView['status'],
            note: String(r.qualitative_note ?? ''),
            by: String(r.qualitative_by ?? ''),
            at: new Date(r.qualitative_at as Date).toISOString(),
          }
        : null,
      ownerUnitName,
    };
  });
}

/** Readings of the given indicators, by indicator id, in period order. */
export async function loadReadings(
  db: DataSource | EntityManager,
  indicatorIds: string[],
): Promise<Map<string, IndicatorReadingView[]>> {
  const out = new Map<string, IndicatorReadingView[]>(indicatorIds.map((id) => [id, []]));
  if (indicatorIds.length === 0) return out;
  const rows: Record<string, unknown>[] = await db.query(
    `SELECT r.indicator_id, r.period, r.value, r.good_days, r.valid_days, u.username, u.display_name, r.entered_at
       FROM kpi_reading r LEFT JOIN app_user u ON u.id = r.entered_by
      WHERE r.indicator_id = ANY($1::uuid[]) ORDER BY r.period`,
    [indicatorIds],
  );
  for (const r of rows) {
    out.get(String(r.indicator_id))?.push({
      period: String(r.period),
      value: Number(r.value),
      ...(r.good_days === null ? {} : { goodDays: Number(r.good_days) }),
      ...(r.valid_days === null ? {} : { validDays: Number(r.valid_days) }),
      enteredBy: (r.username as string | null) ?? null,
      enteredByName: (r.display_name as string | null) ?? (r.username as string | null) ?? null,
      enteredAt: new Date(r.entered_at as Date).toISOString(),
    });
  }
  return out;
}

/** The computed standing of each indicator of a plan (or one indicator) on a Shanghai date. */
export async function indicatorStandings(
  db: DataSource | EntityManager,
  filter: { planId?: string; indicatorId?: string },
  options: { asOf: string; margin: number },
): Promise<(IndicatorStatusView & { ownerUnitName: string | null; seq: number })[]> {
  const records = await loadIndicators(db, filter);
  const readings = await loadReadings(
    db,
    records.map((r) => r.definition.indicatorId),
  );
  return records.map((r) => ({
    ...computeIndicatorStatus(r.definition, readings.get(r.definition.indicatorId) ?? [], {
      asOf: options.asOf,
      margin: r.margin ?? options.margin,
      qualitativeStatus: r.qualitativeStatus,
    }),
    ownerUnitName: r.ownerUnitName,
    seq: r.seq,
  }));
}
