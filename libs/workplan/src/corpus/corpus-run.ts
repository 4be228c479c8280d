import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { PlanTree } from '@duban/domain/plan/plan-tree';
import { PlanParseError } from '../errors';
import { parsePlan } from '../parse-plan';
import { DocumentScore, scoreDocument } from './corpus-score';
import { CorpusDocument } from './corpus-truth';

/** Parses one corpus document and scores it; a refusal is scored as nothing found. */
export async function scoreCorpusDocument(doc: CorpusDocument): Promise<DocumentScore> {
  let tree: PlanTree | null = null;
  let refused: string | undefined;
  try {
    // A document without a year is read as the import page would: with this year assumed.
    tree = await parsePlan(readFileSync(doc.file), {
      filename: basename(doc.file),
      fallbackYear: doc.truth.year ?? 2026,
    });
  } catch (error) {
    refused = error instanceof PlanParseError ? `${error.code}: ${error.messageZh}` : String(error);
  }
  return scoreDocument(tree, doc.truth, refused);
}
