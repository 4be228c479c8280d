import { ConfigError } from '../errors/config-error';
import { parseIntegerSetting } from './integer-setting';

describe('parseIntegerSetting', () => {
  const bounds = { min: 1, max: 600_000 };

  it('uses the default when unset or blank, and reads whole numbers within the bounds', () => {
    expect(parseIntegerSetting('ACTION_TIMEOUT_MS', undefined, 20_000, bounds)).toBe(20_000);
    expect(parseIntegerSetting('ACTION_TIMEOUT_MS', ' ', 20_000, bounds)).toBe(20_000);
    expect(parseIntegerSetting('ACTION_TIMEOUT_MS', ' 1 ', 20_000, bounds)).toBe(1);
    expect(parseIntegerSetting('ACTION_TIMEOUT_MS', '600000', 20_000, bounds)).toBe(600_000);
  });

  it.each(['0', '600001', '-5', '2.5', '1e4', '20s', 'NaN', '99999999999999999999'])(
    'refuses %p with one line naming the setting and its bounds',
    (raw) => {
      expect(() => parseIntegerSetting('ACTION_TIMEOUT_MS', raw, 20_000, bounds)).toThrow(ConfigError);
      expect(() => parseIntegerSetting('ACTION_TIMEOUT_MS', raw, 20_000, bounds)).toThrow(
        `ACTION_TIMEOUT_MS="${raw}" is not a whole number between 1 and 600000`,
      );
    },
  );
});
