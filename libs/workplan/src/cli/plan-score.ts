import { scoreCorpusDocument } from '../corpus/corpus-run';
import { loadCorpus } from '../corpus/corpus-truth';
import { DocumentScore, totalScore } from '../corpus/corpus-score';
import { KNOWN_MISSES_SOURCE, KnownMisses, knownMissesOf, writeKnownMisses } from '../corpus/known-misses';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/**
 * `npm run plan:score [-- --verbose] [-- --doc NAME] [-- --write-misses]`: parses every document of the corpus
 * (libs/workplan/fixtures/corpus) and prints recall, precision, lead / cooperating / deadline
 * accuracy per document and overall (the last four lines are the overall figures; the metadata line counts the documents that parsed). --write-misses records
 * each document's misses in fixtures/corpus/known-misses.json, which the unit tests hold.
 */
async function main(argv: string[]): Promise<void> {
  const verbose = argv.includes('--verbose');
  const only = argv.includes('--doc') ? argv[argv.indexOf('--doc') + 1] : undefined;
  const writeMisses = argv.includes('--write-misses');
  const docs = loadCorpus().filter((d) => !only || d.name.includes(only));
  const scores: DocumentScore[] = [];
  const rows: string[] = [];
  const misses: Record<string, KnownMisses> = {};
  for (const doc of docs) {
    const s = await scoreCorpusDocument(doc);
    scores.push(s);
    misses[doc.name] = knownMissesOf(s);
    const t = s.truthLeaves || 1;
    rows.push(
      [
        doc.name.padEnd(48),
        `${s.matched}/${s.truthLeaves}`.padStart(7),
        `parsed ${s.parsedLeaves}`.padStart(10),
        `lead ${pct(s.leadRight / t)}`.padStart(12),
        `coop ${pct(s.cooperatingRight / t)}`.padStart(12),
        `due ${pct(s.deadlineRight / t)}`.padStart(11),
        s.refused ? `  REFUSED ${s.refused}` : '',
      ].join(' '),
    );
    if (verbose) for (const m of s.misses) rows.push(`    ${m}`);
  }
  if (writeMisses && !only) writeKnownMisses(misses, KNOWN_MISSES_SOURCE);
  const total = totalScore(scores);
  console.log(rows.join('\n'));
  console.log('');
  console.log(
    `corpus: ${total.documents} documents, ${total.truthLeaves} leaves (${total.refused} refused); parsed ${total.parsedLeaves} leaves`,
  );
  console.log(`recall ${pct(total.recall)}  precision ${pct(total.precision)}`);
  console.log(`lead ${pct(total.lead)}  cooperating ${pct(total.cooperating)}  deadline ${pct(total.deadline)}`);
  console.log(`metadata: title ${pct(total.title)}  issuer ${pct(total.issuer)}  文号 ${pct(total.docNumber)}`);
}

void main(process.argv.slice(2));
