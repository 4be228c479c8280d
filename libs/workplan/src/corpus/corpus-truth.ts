import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The hand-written truth of one corpus document (see fixtures/corpus/README.md for the rules). */
export interface CorpusTruth {
  source: string;
  title: string | null;
  issuer: string | null;
  docNumber: string | null;
  year: number | null;
  excerpt: boolean;
  shape: string;
  leaves: TruthLeaf[];
  targets?: { text: string; comparator: string; value: number; unit: string }[];
}

export interface TruthLeaf {
  /** The first 8–20 characters of the task's own text. */
  title: string;
  lead: string[];
  cooperating: string[];
  /** ISO dates, "recurring:month|quarter|half-year|year", "ongoing"; [] when none is written. */
  deadlines: string[];
}

export interface CorpusDocument {
  /** Folder name, e.g. 01-lishan-zhongdian-renwu-2023. */
  name: string;
  file: string;
  truth: CorpusTruth;
}

export const CORPUS_DIR = join(__dirname, '..', '..', 'fixtures', 'corpus');

/** Every document of a corpus folder with its truth, in folder order. */
export function loadCorpus(dir = CORPUS_DIR): CorpusDocument[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, 'truth.json')))
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const folder = join(dir, name);
      const file = readdirSync(folder).find((f) => f.startsWith('document.'));
      if (!file) throw new Error(`corpus ${name}: no document.* file`);
      return { name, file: join(folder, file), truth: JSON.parse(readFileSync(join(folder, 'truth.json'), 'utf8')) };
    });
}
