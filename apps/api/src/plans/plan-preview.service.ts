import { Injectable } from '@nestjs/common';
import { ActorRef } from '@duban/domain/access/actor';
import { BadInputError } from '@duban/domain/errors/domain-error';
import { UnitMapping } from '@duban/domain/plan/unit-mappings';
import { resolveUnits, UnknownUnitName } from '@duban/domain/plan/unit-resolution';
import { UnitRepository } from '@duban/persistence/repositories/unit-repository';
import { draftFromTree, parsePlanOffThread, PlanDraft, readDraft, treeFromDraft } from '@duban/workplan';
import { DraftProblem } from '@duban/workplan/draft/plan-draft';
import { PlanImportService } from './plan-import.service';
import { ImportResult } from './plan-import.types';

/** A unit as the preview offers it for mapping. */
export interface KnownUnit {
  code: string;
  name: string;
  aliases: string[];
  kind: string;
}

export interface PlanPreview {
  draft: PlanDraft;
  /** Names of the rows the unit table does not know, with their lines. */
  unknownUnits: UnknownUnitName[];
  units: KnownUnit[];
}

export interface DraftImportRequest {
  draft: unknown;
  unitMappings?: UnitMapping[];
  planId?: string;
  dryRun?: boolean;
  confirm?: boolean;
  receiptWorkdays?: number;
  progress?: string;
}

/** Mistakes in a corrected draft, each with its row: answered 400, the page shows them beside the rows. */
export class DraftProblemsError extends BadInputError {
  constructor(readonly problems: DraftProblem[]) {
    super(
      'DRAFT_PROBLEMS',
      `预览中有 ${problems.length} 处需要修改：${problems
        .slice(0, 5)
        .map((p) => p.message)
        .join('；')}`,
      `${problems.length} problem(s) in the corrected plan`,
      { problems },
    );
  }
}

/**
 * The import preview: a document parsed into rows to correct (nothing written), and the corrected
 * rows imported through the same all-or-nothing import as a file, with the unit decisions made in
 * the preview (aliases remembered, units created).
 */
@Injectable()
export class PlanPreviewService {
  constructor(
    private readonly units: UnitRepository,
    private readonly importer: PlanImportService,
  ) {}

  async preview(buffer: Buffer, filename: string, fallbackYear?: number): Promise<PlanPreview> {
    // Off the event loop: a hostile or huge document must not stall the server for other users.
    const tree = await parsePlanOffThread(buffer, { filename, ...(fallbackYear ? { fallbackYear } : {}) });
    const draft = draftFromTree(tree);
    const units = await this.knownUnits();
    return { draft, unknownUnits: this.unknownNames(draft, units), units };
  }

  async knownUnits(): Promise<KnownUnit[]> {
    const rows = await this.units.active();
    return rows.map((u) => ({ code: u.code, name: u.name, aliases: u.aliases, kind: u.kind }));
  }

  /** The unit names of the rows that match no unit's name or alias. */
  unknownNames(draft: PlanDraft, units: KnownUnit[]): UnknownUnitName[] {
    return resolveUnits(treeFromDraft(draft), units).unknown;
  }

  async importDraft(request: DraftImportRequest, actor: ActorRef): Promise<ImportResult> {
    const { tree, problems } = readDraft(request.draft);
    if (!tree) throw new DraftProblemsError(problems);
    return this.importer.importPlan(tree, {
      planId: request.planId,
      dryRun: request.dryRun,
      confirm: request.confirm,
      receiptWorkdays: request.receiptWorkdays,
      progress: request.progress,
      unitMappings: request.unitMappings ?? [],
      actor,
    });
  }
}
