import { BadInputError } from '@duban/domain/errors/domain-error';

/** 400 naming every code that is not in org_unit, so the caller can fix them in one go. */
export class UnknownUnitError extends BadInputError {
  constructor(codes: string[], field = 'unitCode') {
    super(
      'UNKNOWN_UNIT',
      `${field} 中的单位代码不存在：${codes.join('、')}（可用 GET /units 查询）`,
      `Unknown unit code(s) in ${field}: ${codes.join(', ')} (see GET /units)`,
      { field, codes },
    );
  }
}
