import { Deadline, PlanTree, TaskItem, UnitRef } from '@duban/domain/plan/plan-tree';
import { leafTasks } from '../leaf-tasks';
import { CorpusTruth, TruthLeaf } from './corpus-truth';
// Traditional text is compared in simplified characters, as the parser reads it.
import { toSimplifiedText } from '../traditional';

/** How well one parse matches its truth. Accuracies count over the truth's leaves (a missed leaf is wrong). */
export interface DocumentScore {
  truthLeaves: number;
  parsedLeaves: number;
  matched: number;
  leadRight: number;
  cooperatingRight: number;
  deadlineRight: number;
  /** The parser refused the document: its message. */
  refused?: string;
  /** What went wrong, leaf by leaf (for the report). */
  misses: string[];
  /** Whether title, issuer and 文号 were read as the truth has them (absent when refused). */
  metadata?: { title: boolean; issuer: boolean; docNumber: boolean };
}

/** Letters, digits and CJK only: spacing, punctuation and full/half width do not decide a match. */
export function normalizeText(s: string): string {
  return toSimplifiedText(s)
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[^\p{L}\p{N}]/gu, '');
}

const unitKey = (name: string) => normalizeText(name);

/** The deadlines a parsed item states, in the truth's notation ([] when it states none). */
export function deadlineKeys(item: TaskItem): string[] {
  const all: Deadline[] = item.deadlines?.length ? item.deadlines : [item.deadline];
  return all
    .filter((d) => !d.defaulted)
    .map((d) => (d.kind === 'date' ? d.date! : d.kind === 'recurring' ? `recurring:${d.every}` : 'ongoing'));
}

const sameSet = (a: string[], b: string[]) => {
  const x = [...new Set(a)].sort();
  const y = [...new Set(b)].sort();
  return x.length === y.length && x.every((v, i) => v === y[i]);
};

/** The text a parsed leaf is matched on: its title and body. */
const leafText = (item: TaskItem) => normalizeText(`${item.title}${item.body}`);

/**
 * Scores a parsed plan against its truth. Truth leaves are matched in order to parsed leaves
 * whose text holds the truth title (normalized), each parsed leaf used once; then lead units (as a
 * set), cooperating units (as a set) and deadlines (as a set) are compared per matched leaf.
 */
export function scoreDocument(tree: PlanTree | null, truth: CorpusTruth, refused?: string): DocumentScore {
  const score: DocumentScore = {
    truthLeaves: truth.leaves.length,
    parsedLeaves: 0,
    matched: 0,
    leadRight: 0,
    cooperatingRight: 0,
    deadlineRight: 0,
    misses: [],
    ...(refused ? { refused } : {}),
  };
  if (!tree) return score;
  const same = (a: string | null | undefined, b: string | null | undefined) =>
    normalizeText(a ?? '') === normalizeText(b ?? '');
  score.metadata = {
    title: same(tree.metadata.title, truth.title),
    issuer: same(tree.metadata.issuer, truth.issuer),
    docNumber: same(tree.metadata.docNumber, truth.docNumber),
  };
  for (const [field, right] of Object.entries(score.metadata)) {
    if (!right)
      score.misses.push(
        `元数据：${field} 应为 ${truthField(truth, field) ?? '（无）'}，实为 ${metadataField(tree, field) ?? '（无）'}`,
      );
  }
  const parsed = leafTasks(tree).map((l) => ({ item: l.item, text: leafText(l.item), used: false }));
  score.parsedLeaves = parsed.length;
  let cursor = 0;
  for (const leaf of truth.leaves) {
    const key = normalizeText(leaf.title);
    const found =
      findFrom(parsed, cursor, (p) => p.text.startsWith(key)) ??
      findFrom(parsed, cursor, (p) => p.text.includes(key)) ??
      findFrom(parsed, 0, (p) => p.text.includes(key));
    if (found === null) {
      score.misses.push(`未找到：${leaf.title}`);
      continue;
    }
    const p = parsed[found];
    p.used = true;
    cursor = found + 1;
    score.matched++;
    compareLeaf(leaf, p.item, score);
  }
  return score;
}

const truthField = (truth: CorpusTruth, field: string) =>
  field === 'title' ? truth.title : field === 'issuer' ? truth.issuer : truth.docNumber;
const metadataField = (tree: PlanTree, field: string) =>
  field === 'title' ? tree.metadata.title : field === 'issuer' ? tree.metadata.issuer : tree.metadata.docNumber;

function findFrom<T extends { used: boolean }>(list: T[], from: number, ok: (x: T) => boolean): number | null {
  for (let i = from; i < list.length; i++) if (!list[i].used && ok(list[i])) return i;
  return null;
}

function compareLeaf(leaf: TruthLeaf, item: TaskItem, score: DocumentScore): void {
  const r = item.responsibility;
  const units = (refs: UnitRef[] | undefined) => (refs ?? []).map((u) => unitKey(u.name));
  const leads = r ? units([r.lead, ...(r.coLeads ?? [])]) : [];
  const cooperating = r ? units(r.cooperating) : [];
  const want = { lead: leaf.lead.map(unitKey), cooperating: leaf.cooperating.map(unitKey) };
  if (sameSet(leads, want.lead)) score.leadRight++;
  else
    score.misses.push(
      `牵头：${leaf.title} 应为 ${leaf.lead.join('、') || '（无）'}，实为 ${leads.join('、') || '（无）'}`,
    );
  if (sameSet(cooperating, want.cooperating)) score.cooperatingRight++;
  else
    score.misses.push(
      `配合：${leaf.title} 应为 ${leaf.cooperating.join('、') || '（无）'}，实为 ${cooperating.join('、') || '（无）'}`,
    );
  const deadlines = deadlineKeys(item);
  if (sameSet(deadlines, leaf.deadlines)) score.deadlineRight++;
  else
    score.misses.push(
      `期限：${leaf.title} 应为 ${leaf.deadlines.join('、') || '（无）'}，实为 ${deadlines.join('、') || '（无）'}`,
    );
}

/** Totals over documents (micro-averaged over leaves). */
export function totalScore(scores: DocumentScore[]) {
  const sum = (f: (s: DocumentScore) => number) => scores.reduce((n, s) => n + f(s), 0);
  const truth = sum((s) => s.truthLeaves);
  const parsed = sum((s) => s.parsedLeaves);
  const ratio = (n: number, d: number) => (d === 0 ? 1 : n / d);
  const read = scores.filter((s) => s.metadata).length;
  return {
    documents: scores.length,
    refused: scores.filter((s) => s.refused).length,
    truthLeaves: truth,
    parsedLeaves: parsed,
    recall: ratio(
      sum((s) => s.matched),
      truth,
    ),
    precision: ratio(
      sum((s) => s.matched),
      parsed,
    ),
    lead: ratio(
      sum((s) => s.leadRight),
      truth,
    ),
    cooperating: ratio(
      sum((s) => s.cooperatingRight),
      truth,
    ),
    deadline: ratio(
      sum((s) => s.deadlineRight),
      truth,
    ),
    // Metadata over the documents that parsed.
    title: ratio(
      sum((s) => (s.metadata?.title ? 1 : 0)),
      read,
    ),
    issuer: ratio(
      sum((s) => (s.metadata?.issuer ? 1 : 0)),
      read,
    ),
    docNumber: ratio(
      sum((s) => (s.metadata?.docNumber ? 1 : 0)),
      read,
    ),
  };
}
