import { ConfigError } from '@duban/domain/errors/config-error';
import { isRole, Role, ROLES } from '../auth-user';

/**
 * OIDC_ROLE_MAP: which value of the provider's role claim means which of our roles, written
 * `督查室=supervisor,股长=unit-head` (commas, semicolons or new lines between entries). The order is
 * kept: when a person holds several mapped values, the first entry that matches wins.
 */
export function parseRoleMap(text: string): ReadonlyMap<string, Role> {
  const roles = new Map<string, Role>();
  for (const entry of text.split(/[,;\n]/)) {
    if (!entry.trim()) continue;
    const eq = entry.lastIndexOf('=');
    const value = eq < 0 ? '' : entry.slice(0, eq).trim();
    const role = eq < 0 ? '' : entry.slice(eq + 1).trim();
    if (!value || !role) {
      throw new ConfigError('OIDC_ROLE_MAP', `OIDC_ROLE_MAP entry "${entry.trim()}" is not claim-value=role`);
    }
    if (!isRole(role)) {
      throw new ConfigError(
        'OIDC_ROLE_MAP',
        `OIDC_ROLE_MAP maps "${value}" to "${role}", which is none of ${ROLES.join(', ')}`,
      );
    }
    if (roles.has(value)) throw new ConfigError('OIDC_ROLE_MAP', `OIDC_ROLE_MAP names "${value}" twice`);
    roles.set(value, role);
  }
  if (roles.size === 0) throw new ConfigError('OIDC_ROLE_MAP', 'OIDC_ROLE_MAP has no claim-value=role entry');
  return roles;
}
