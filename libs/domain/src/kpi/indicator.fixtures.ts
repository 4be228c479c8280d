// The indicator the specs share: the plan's first target, PM2.5 ≤ 34 μg/m³, reported monthly by
// 监测站 and averaged over the months. Test support only.
import { IndicatorDefinition } from './indicator-standing';

export const pm25Definition = (over: Partial<IndicatorDefinition> = {}): IndicatorDefinition => ({
  indicatorId: 'i1',
  planId: 'kpi-2021',
  targetCode: '1',
  name: '细颗粒物(PM2.5)年均浓度',
  comparator: 'lte',
  target: 34,
  unit: '微克/立方米',
  aspirational: false,
  qualitative: false,
  ownerUnit: 'monitoring',
  period: 'monthly',
  method: 'mean-of-monthly-means',
  year: 2021,
  ...over,
});
