import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePlanText } from '@duban/workplan/parse-plan-text';
import { planContentHash } from './plan-content-hash';

const PLAN = readFileSync(join(__dirname, '../../../../libs/workplan/fixtures/xinjian-2021-workplan.txt'), 'utf8');

describe('the content hash of a plan', () => {
  it('is the hash stored by earlier imports, so re-importing an unchanged plan writes nothing', () => {
    expect(planContentHash(parsePlanText(PLAN))).toBe(
      '4cf6de3e3e1ed1f90180e3b7e6dee5930bdf5dd2bc401fd5e204c70ada8f18c0',
    );
  });

  it('ignores warnings and the order of keys, and sees any change of content', () => {
    const tree = parsePlanText(PLAN);
    const reordered = Object.fromEntries(Object.entries(tree).reverse()) as typeof tree;
    expect(planContentHash({ ...reordered, warnings: [] })).toBe(planContentHash(tree));
    const retitled = { ...tree, metadata: { ...tree.metadata, title: `${tree.metadata.title}（修订）` } };
    expect(planContentHash(retitled)).not.toBe(planContentHash(tree));
  });
});
