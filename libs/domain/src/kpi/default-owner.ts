/** Unit code of the monitoring station (监测站), which reports air and water readings. */
export const MONITORING_UNIT = 'monitoring';

/**
 * Who reports an indicator when the plan names nobody: air and water quality readings come from
 * the monitoring station (监测站); anything else waits for a supervisor to assign it (null).
 */
export function defaultOwnerUnit(name: string): string | null {
  return /空气|颗粒物|PM2\.5|PM10|二氧化氮|二氧化硫|臭氧|一氧化碳|优良天数|水质|断面|水源|地下水|水体/i.test(name)
    ? MONITORING_UNIT
    : null;
}
