import { scoreCorpusDocument } from './corpus-run';
import { totalScore } from './corpus-score';
import { loadCorpus } from './corpus-truth';

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

describe('the corpus of real plans', () => {
  const corpus = loadCorpus();

  it('holds at least 60 documents, every one with its source address', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(60);
    for (const doc of corpus) expect(doc.truth.source).toMatch(/^(https?:\/\/|synthetic:)|identified by its 索引号/);
  });

  it('parses at or above the measured figures, and refuses only with a message', async () => {
    const scores = await Promise.all(corpus.map(scoreCorpusDocument));
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
