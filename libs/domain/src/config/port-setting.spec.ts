import { ConfigError } from '../errors/config-error';
import { parsePortSetting } from './port-setting';

describe('parsePortSetting', () => {
  it('uses the default when unset or blank', () => {
    expect(parsePortSetting('API_PORT', undefined, 3000)).toBe(3000);
    expect(parsePortSetting('API_PORT', '  ', 3000)).toBe(3000);
  });

  it('accepts whole numbers 1-65535', () => {
    expect(parsePortSetting('API_PORT', '1', 3000)).toBe(1);
    expect(parsePortSetting('API_PORT', ' 8080 ', 3000)).toBe(8080);
    expect(parsePortSetting('API_PORT', '65535', 3000)).toBe(65535);
  });

  it.each(['0', '65536', '-1', '80.5', '3e3', 'http', '0x50', '80 81'])('rejects %p, naming the setting', (raw) => {
    expect(() => parsePortSetting('DUBAN_PG_PORT', raw, 54329)).toThrow(ConfigError);
    expect(() => parsePortSetting('DUBAN_PG_PORT', raw, 54329)).toThrow(/^DUBAN_PG_PORT="/);
  });
});
