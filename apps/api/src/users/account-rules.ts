import { Role } from '../auth/auth-user';

/** Roles that act for one unit and therefore need a unitCode. */
export const UNIT_BOUND_ROLES: readonly Role[] = ['handler', 'unit-head'];

export interface AccountShape {
  role: Role;
  unitCode: string | null;
  deputyUnits: string[];
}

/**
 * Cross-field rules of an account, as field messages in the ValidationPipe's style. Checked on the
 * merged state, so a PATCH that changes only the role is judged with the stored unit.
 */
export function accountRuleViolations(account: AccountShape): string[] {
  const problems: string[] = [];
  if (UNIT_BOUND_ROLES.includes(account.role) && !account.unitCode) {
    problems.push(`unitCode 必填：角色 ${account.role} 属于某个单位 / unitCode is required for role ${account.role}`);
  }
  if (account.role === 'deputy-director' && account.deputyUnits.length === 0) {
    problems.push(
      'deputyUnits 必填：分管领导至少分管一个单位 / deputyUnits must name at least one unit for deputy-director',
    );
  }
  if (account.role !== 'deputy-director' && account.deputyUnits.length > 0) {
    problems.push('deputyUnits 仅适用于分管领导 / deputyUnits is only for role deputy-director');
  }
  return problems;
}
