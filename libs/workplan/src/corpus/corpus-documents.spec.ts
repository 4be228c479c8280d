import { scoreCorpusDocument } from './corpus-run';
import { loadCorpus } from './corpus-truth';
import { knownMissesOf, readKnownMisses } from './known-misses';

/**
 * Document by document, the parser misses exactly what it is known to miss (fixtures/corpus/
 * known-misses.json) and nothing else: a change that breaks one leaf of one plan fails here even
 * when the corpus-wide figures stay above their floors. Fixing a miss: `npm run plan:score --
 * --write-misses`, and the diff shows what got better.
 */
describe('each corpus document', () => {
  const known = readKnownMisses();
  const corpus = loadCorpus();

  it('has its known misses recorded', () => {
    expect(Object.keys(known).sort()).toEqual(corpus.map((d) => d.name).sort());
  });

  it.each(corpus.map((d) => [d.name, d] as const))('%s parses as recorded', async (name, doc) => {
    expect(knownMissesOf(await scoreCorpusDocument(doc))).toEqual(known[name]);
  });
});
