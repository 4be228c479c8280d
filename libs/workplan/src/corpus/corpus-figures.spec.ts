import { scoreCorpusDocument } from './corpus-run';
import { DocumentScore, totalScore } from './corpus-score';
import { loadCorpus } from './corpus-truth';
import { knownMissesOf, readKnownMisses } from './known-misses';

/**
 * The corpus figures as measured (npm run plan:score, December 2026), held as floors so that a
 * change to the parser cannot make them worse unnoticed. Raise them when the parser gets better.
 */
const FLOORS = {
  recall: 0.975,
  precision: 0.985,
  lead: 0.965,
  cooperating: 0.965,
  deadline: 0.96,
  title: 0.86,
  issuer: 0.72,
  docNumber: 0.96,
};

const corpus = loadCorpus();
// Every document is parsed once, for the figures and for the document-by-document check.
let scores: DocumentScore[];
beforeAll(async () => {
  scores = await Promise.all(corpus.map(scoreCorpusDocument));
});

describe('the corpus of real plans', () => {
  it('holds at least 60 documents, every one with its source address', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(60);
    for (const doc of corpus) expect(doc.truth.source).toMatch(/^(https?:\/\/|synthetic:)|identified by its 索引号/);
  });

  it('parses at or above the measured figures, and refuses only with a message', () => {
    const total = totalScore(scores);
    const below = Object.entries(FLOORS).filter(([figure, floor]) => total[figure as keyof typeof FLOORS] < floor);
    // Names the figures that fell, with their values.
    expect(below.map(([figure]) => `${figure} ${total[figure as keyof typeof FLOORS]}`)).toEqual([]);
    expect(total.truthLeaves).toBeGreaterThanOrEqual(300);
    // A refused document says what to do: its code and a Chinese message.
    for (const s of scores.filter((x) => x.refused)) expect(s.refused).toMatch(/^[A-Z_]+: .*[\u4e00-\u9fa5]/);
    // Refusals are documents without a task of their own (truth: no leaves) or at most two others.
    expect(scores.filter((s) => s.refused && s.truthLeaves > 0).length).toBeLessThanOrEqual(2);
  });
});

/**
 * Document by document, the parser misses exactly what it is known to miss (fixtures/corpus/
 * known-misses.json) and nothing else: a change that breaks one leaf of one plan fails here even
 * when the corpus-wide figures stay above their floors. Fixing a miss: `npm run plan:score --
 * --write-misses`, and the diff shows what got better.
 */
describe('each corpus document', () => {
  const known = readKnownMisses();

  it('has its known misses recorded', () => {
    expect(Object.keys(known).sort()).toEqual(corpus.map((d) => d.name).sort());
  });

  it.each(corpus.map((d, i) => [d.name, i] as const))('%s parses as recorded', (name, i) => {
    expect(knownMissesOf(scores[i])).toEqual(known[name]);
  });
});
