import * as yaml from 'js-yaml';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseYamlPlan } from './formats/yaml-plan';
import { validatePlanJson } from './validate-plan-json';

const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
const blocks = (lang: string) =>
  [...readme.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]);

describe('the plan format examples in the README', () => {
  it('the JSON example is a valid plan', () => {
    const [json] = blocks('json');
    expect(validatePlanJson(JSON.parse(json)).sections[0].items[0].code).toBe('1.1');
  });

  it('the YAML example is a valid plan, its unquoted date kept as a string', () => {
    const [text] = blocks('yaml');
    const tree = parseYamlPlan(text);
    expect(tree.metadata.issuedOn).toBe('2022-03-01');
    expect(tree.sections[0].items[0].deadline).toMatchObject({ kind: 'recurring', every: 'quarter' });
    expect(yaml.load(text)).toBeDefined();
  });
});
