import { AccountShape, accountRuleViolations } from '../../users/account-rules';
import { Role } from '../auth-user';
import { claimValues } from './claim-values';
import { OidcConfig } from './oidc-config';

/** A unit as the unit claim may name it. */
export interface UnitNames {
  code: string;
  name: string;
  aliases: string[];
}

export type ClaimMapping = Pick<OidcConfig, 'roleMapping' | 'unitClaim'>;

/** What the provider's claims make of an existing account at sign-in. */
export interface AccountUpdate {
  /** The account as the claims say it should be; what it was where they say nothing usable. */
  next: AccountShape;
  changed: boolean;
  /** Claim values that name no role or no unit: the account keeps what it had there. */
  unmatched: string[];
  /** Rules the mapped account would break (a 承办人 without a unit …): then nothing changes. */
  violations: string[];
}

/**
 * The role (OIDC_ROLE_CLAIM through OIDC_ROLE_MAP) and unit (OIDC_UNIT_CLAIM) the claims give an
 * account, checked against the same rules as the admin's account form. Without a configured claim,
 * or with a claim that maps to nothing, that part of the account stays as it is.
 */
export function accountUpdateFromClaims(
  claims: Record<string, unknown>,
  mapping: ClaimMapping,
  account: AccountShape,
  units: readonly UnitNames[],
): AccountUpdate {
  const unmatched: string[] = [];
  let role = account.role;
  if (mapping.roleMapping) {
    const values = claimValues(claims, mapping.roleMapping.claim);
    const mapped = mappedRole(values, mapping.roleMapping.roles);
    if (mapped) role = mapped;
    else unmatched.push(...values.map((v) => `${mapping.roleMapping!.claim}=${v}`));
  }
  let unitCode = account.unitCode;
  if (mapping.unitClaim) {
    const values = claimValues(claims, mapping.unitClaim);
    const matched = matchUnit(values, units);
    if (matched) unitCode = matched;
    else unmatched.push(...values.map((v) => `${mapping.unitClaim}=${v}`));
  }
  // Only a deputy director oversees units; whoever stops being one stops overseeing them.
  const next: AccountShape = { role, unitCode, deputyUnits: role === 'deputy-director' ? account.deputyUnits : [] };
  const violations = accountRuleViolations(next);
  if (violations.length > 0) return { next: account, changed: false, unmatched, violations };
  const changed =
    next.role !== account.role ||
    next.unitCode !== account.unitCode ||
    next.deputyUnits.join(',') !== account.deputyUnits.join(',');
  return { next, changed, unmatched, violations };
}

/** The first entry of the map, in the order written, whose claim value the person holds. */
export function mappedRole(values: readonly string[], roles: ReadonlyMap<string, Role>): Role | undefined {
  for (const [value, role] of roles) if (values.includes(value)) return role;
  return undefined;
}

/** The unit the first matching value names: by code (any case), else by name, else by alias. */
export function matchUnit(values: readonly string[], units: readonly UnitNames[]): string | undefined {
  for (const value of values) {
    const unit =
      units.find((u) => u.code.toLowerCase() === value.toLowerCase()) ??
      units.find((u) => u.name === value) ??
      units.find((u) => u.aliases.includes(value));
    if (unit) return unit.code;
  }
  return undefined;
}
