import { parseWarningMargin } from './kpi-config';

describe('KPI_WARNING_MARGIN', () => {
  it('accepts a fraction or a percentage, defaulting to 5 %', () => {
    expect(parseWarningMargin(undefined)).toBe(0.05);
    expect(parseWarningMargin('0.1')).toBe(0.1);
    expect(parseWarningMargin('8%')).toBe(0.08);
    expect(parseWarningMargin('0')).toBe(0);
  });
  it('refuses anything else, naming the variable', () => {
    expect(() => parseWarningMargin('five')).toThrow('KPI_WARNING_MARGIN="five" is not a margin');
    expect(() => parseWarningMargin('150%')).toThrow('KPI_WARNING_MARGIN');
  });
});
