/** Lower-case login names such as "water-air.handler": letters, digits, dot, hyphen, underscore. */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,63}$/;

export const USERNAME_RULE_MESSAGE =
  'username 为 2–64 位小写字母、数字、点、连字符或下划线，以字母或数字开头 / ' +
  'username: 2-64 lower-case letters, digits, ".", "-" or "_", starting with a letter or digit';
