import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS_DIR } from './corpus-truth';
import { DocumentScore } from './corpus-score';

/**
 * What the parser gets wrong on each corpus document, against its hand-written truth: the misses
 * (a leaf not found, a wrong lead, cooperating units, deadline or metadata field) and how many
 * leaves it parsed. Held so that a change to the parser cannot break one document's leaf unseen
 * behind the corpus-wide figures; a change that fixes a miss rewrites the file
 * (`npm run plan:score -- --write-misses`) and shows the fix in its diff.
 */
export interface KnownMisses {
  parsedLeaves: number;
  refused: boolean;
  misses: string[];
}

export const KNOWN_MISSES_FILE = join(CORPUS_DIR, 'known-misses.json');

export function knownMissesOf(score: DocumentScore): KnownMisses {
  return { parsedLeaves: score.parsedLeaves, refused: Boolean(score.refused), misses: score.misses };
}

export function readKnownMisses(file = KNOWN_MISSES_FILE): Record<string, KnownMisses> {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** Where the CLI writes the file: the source tree it runs in, not the build's copy. */
export const KNOWN_MISSES_SOURCE = 'libs/workplan/fixtures/corpus/known-misses.json';

export function writeKnownMisses(byDocument: Record<string, KnownMisses>, file: string): void {
  writeFileSync(file, `${JSON.stringify(byDocument, null, 2)}\n`);
}
