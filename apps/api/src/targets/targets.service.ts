import { Inject, Injectable, Logger } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { shanghaiDate } from '@duban/domain/calendar/shanghai-time';
import { BadInputError, ForbiddenError, NotFoundError } from '@duban/domain/errors/domain-error';
import { ReadingInput, validateReading, ValidReading } from '@duban/domain/kpi/reading-validation';
import { IndicatorRecord } from '@duban/persistence/read/indicator-standings';
import { IndicatorRepository } from '@duban/persistence/repositories/indicator-repository';
import { UnitRepository } from '@duban/persistence/repositories/unit-repository';
import { AuthUser } from '../auth/auth-user';
import { TEMPORAL_CLIENT } from '../temporal/temporal-client.provider';
import { parseReadingsCsv } from './readings-csv';
import { signalReading, signalSettings } from './indicator-signaller';
import { apiConfig } from '../config/api-config';
import { isUuid } from '@duban/domain/text/uuid';

/**
 * Targets and their readings: standings computed by the domain rules, readings entered one by one
 * or as a CSV file (all rows valid or nothing written), a supervisor's status for qualitative
 * targets. Every stored reading is signalled to its indicator's workflow.
 */
@Injectable()
export class TargetsService {
  private readonly logger = new Logger(TargetsService.name);
  readonly margin = apiConfig().kpiWarningMargin;

  constructor(
    private readonly indicators: IndicatorRepository,
    private readonly units: UnitRepository,
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
  ) {}

  async list(planId: string, asOf?: string) {
    const date = asOf ?? shanghaiDate(new Date());
    return {
      planId,
      asOf: date,
      margin: this.margin,
      indicators: await this.indicators.standings({ planId }, { asOf: date, margin: this.margin }),
    };
  }

  async get(indicatorId: string, asOf?: string) {
    this.checkUuid(indicatorId);
    const [s] = await this.indicators.standings(
      { indicatorId },
      { asOf: asOf ?? shanghaiDate(new Date()), margin: this.margin },
    );
    if (!s) throw new NotFoundError('指标', indicatorId);
    const reminders = await this.indicators.reminders(indicatorId);
    return { ...s, reminders: reminders.map((r) => ({ ...r, at: new Date(r.at).toISOString() })) };
  }

  async enterReading(user: AuthUser, indicatorId: string, input: ReadingInput) {
    this.checkUuid(indicatorId);
    const [record] = await this.indicators.records({ indicatorId });
    if (!record) throw new NotFoundError('指标', indicatorId);
    this.checkMayReport(user, record);
    const checked = validateReading(record.definition, input);
    if (!checked.ok)
      throw new BadInputError(
        'READING_INVALID',
        checked.problems.map((p) => p.zh).join('；'),
        checked.problems.map((p) => p.en).join('; '),
        { problems: checked.problems, field: checked.problems[0].field },
      );
    await this.indicators.saveReadings([{ indicatorId, reading: checked.reading, enteredBy: user.id }]);
    await this.signal(record, checked.reading);
    return this.get(indicatorId);
  }

  /** All rows valid → all written in one transaction; any bad row → 400 listing every bad row, nothing written. */
  async uploadCsv(user: AuthUser, planId: string, buffer: Buffer) {
    const rows = parseReadingsCsv(buffer);
    if (rows.length === 0)
      throw new BadInputError('CSV_NO_ROWS', 'CSV 文件没有数据行', 'The CSV file has no data rows');
    const records = await this.indicators.records({ planId });
    if (records.length === 0) throw new NotFoundError('计划指标', planId);
    const byCode = new Map(records.map((r) => [`${r.definition.targetCode}.${r.seq}`, r]));
    const errors: { row: number; problems: { zh: string; en: string }[] }[] = [];
    const accepted: { record: IndicatorRecord; reading: ValidReading }[] = [];
    const seen = new Map<string, number>();
    for (const row of rows) {
      const record = byCode.get(row.indicator);
      if (!record) {
        errors.push({
          row: row.row,
          problems: [
            {
              zh: `指标“${row.indicator}”不存在（应为 目标编号.序号，如 1.1）`,
              en: `unknown indicator "${row.indicator}" (expected target.seq, e.g. 1.1)`,
            },
          ],
        });
        continue;
      }
      const problems: { zh: string; en: string }[] = [];
      if (!this.mayReport(user, record))
        problems.push({
          zh: `无权报送该指标（责任单位 ${record.ownerUnitName ?? '未指定'}）`,
          en: 'not allowed to report for this indicator',
        });
      const key = `${row.indicator}/${row.period}`;
      if (seen.has(key)) problems.push({ zh: `与第 ${seen.get(key)} 行重复`, en: `duplicates row ${seen.get(key)}` });
      seen.set(key, row.row);
      const checked = validateReading(record.definition, {
        ...row,
        value: row.value,
        goodDays: row.goodDays,
        validDays: row.validDays,
      });
      if (!checked.ok) problems.push(...checked.problems);
      if (problems.length > 0) errors.push({ row: row.row, problems });
      else if (checked.ok) accepted.push({ record, reading: checked.reading });
    }
    if (errors.length > 0) {
      throw new BadInputError(
        'CSV_ROWS_INVALID',
        `CSV 有 ${errors.length} 行错误，未写入任何数据：${errors.map((e) => `第 ${e.row} 行：${e.problems.map((p) => p.zh).join('；')}`).join('。')}`,
        `${errors.length} CSV row(s) are invalid, nothing was written: ${errors.map((e) => `row ${e.row}: ${e.problems.map((p) => p.en).join('; ')}`).join('. ')}`,
        { rows: errors },
      );
    }
    await this.indicators.saveReadings(
      accepted.map((a) => ({ indicatorId: a.record.definition.indicatorId, reading: a.reading, enteredBy: user.id })),
    );
    for (const a of accepted) await this.signal(a.record, a.reading);
    return { planId, written: accepted.length };
  }

  async setQualitativeStatus(user: AuthUser, indicatorId: string, status: string, note: string) {
    this.checkUuid(indicatorId);
    const [record] = await this.indicators.records({ indicatorId });
    if (!record) throw new NotFoundError('指标', indicatorId);
    if (!record.definition.qualitative)
      throw new BadInputError(
        'NOT_QUALITATIVE',
        '该指标为量化指标，请报送数值',
        'This indicator is numeric: enter readings instead',
      );
    await this.indicators.rate(indicatorId, status, note, user.username);
    return this.get(indicatorId);
  }

  /**
   * Changes an indicator's owner unit, reporting period, method or margin (null → default). The
   * standing uses them at once, and the running reporting workflow is told (a new period restarts
   * its year on the new periods).
   */
  async updateSettings(indicatorId: string, body: Record<string, string | number | null | undefined>) {
    this.checkUuid(indicatorId);
    const [record] = await this.indicators.records({ indicatorId });
    if (!record) throw new NotFoundError('指标', indicatorId);
    if (typeof body.ownerUnit === 'string') {
      if (!(await this.units.findActive(body.ownerUnit)))
        throw new BadInputError(
          'UNKNOWN_UNIT',
          `单位“${body.ownerUnit}”不存在或已停用`,
          `Unknown or inactive unit "${body.ownerUnit}"`,
        );
    }
    const changedAny = await this.indicators.changeSettings(indicatorId, {
      ownerUnit: body.ownerUnit as string | null | undefined,
      reportingPeriod: body.reportingPeriod as string | null | undefined,
      ytdMethod: body.ytdMethod as string | null | undefined,
      warningMargin: body.warningMargin as number | null | undefined,
    });
    if (changedAny) {
      const [changed] = await this.indicators.records({ indicatorId });
      const d = changed.definition;
      await signalSettings(
        this.client,
        { planId: d.planId, targetCode: d.targetCode, seq: changed.seq },
        { ownerUnit: d.ownerUnit, period: d.period, method: d.method, margin: changed.margin ?? this.margin },
        this.logger,
      );
    }
    return this.get(indicatorId);
  }

  /** Units an indicator can be given to (the settings form). */
  async activeUnits(): Promise<{ code: string; name: string }[]> {
    return (await this.units.active()).map((u) => ({ code: u.code, name: u.name }));
  }

  private signal(record: IndicatorRecord, r: ValidReading) {
    return signalReading(
      this.client,
      { planId: record.definition.planId, targetCode: record.definition.targetCode, seq: record.seq },
      {
        period: r.period,
        value: r.value,
        ...(r.goodDays === null ? {} : { goodDays: r.goodDays }),
        ...(r.validDays === null ? {} : { validDays: r.validDays }),
      },
      this.logger,
    );
  }

  /** Supervisors and admins report for any indicator; a unit's handler and head for their unit's. */
  private mayReport(user: AuthUser, record: IndicatorRecord): boolean {
    if (user.role === 'supervisor' || user.role === 'admin') return true;
    return (
      (user.role === 'handler' || user.role === 'unit-head') &&
      user.unitCode !== null &&
      user.unitCode === record.definition.ownerUnit
    );
  }

  private checkMayReport(user: AuthUser, record: IndicatorRecord) {
    if (!this.mayReport(user, record))
      throw new ForbiddenError(
        `只有责任单位（${record.ownerUnitName ?? '未指定'}）的承办人、股长或督查室可以报送该指标`,
        `Only the owner unit's handler or head, or a supervisor, may report this indicator`,
      );
  }

  private checkUuid(id: string) {
    if (!isUuid(id)) throw new NotFoundError('指标', id);
  }
}
