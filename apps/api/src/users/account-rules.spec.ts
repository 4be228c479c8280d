import { accountRuleViolations } from './account-rules';

describe('accountRuleViolations', () => {
  it('accepts well-formed accounts of every role', () => {
    expect(accountRuleViolations({ role: 'handler', unitCode: 'water-air', deputyUnits: [] })).toEqual([]);
    expect(accountRuleViolations({ role: 'unit-head', unitCode: 'ecology', deputyUnits: [] })).toEqual([]);
    expect(accountRuleViolations({ role: 'deputy-director', unitCode: null, deputyUnits: ['ecology'] })).toEqual([]);
    expect(accountRuleViolations({ role: 'supervisor', unitCode: null, deputyUnits: [] })).toEqual([]);
    expect(accountRuleViolations({ role: 'admin', unitCode: 'office', deputyUnits: [] })).toEqual([]);
  });

  it('requires a unit for handlers and unit heads', () => {
    const [problem] = accountRuleViolations({ role: 'handler', unitCode: null, deputyUnits: [] });
    expect(problem).toMatch(/^unitCode .*required for role handler/);
  });

  it('requires deputyUnits for deputy directors and only for them', () => {
    expect(accountRuleViolations({ role: 'deputy-director', unitCode: null, deputyUnits: [] })).toEqual([
      expect.stringMatching(/deputyUnits must name at least one unit/),
    ]);
    expect(accountRuleViolations({ role: 'unit-head', unitCode: 'ecology', deputyUnits: ['office'] })).toEqual([
      expect.stringMatching(/deputyUnits is only for role deputy-director/),
    ]);
  });
});
