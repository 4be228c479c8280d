import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional } from 'class-validator';
import { DEFAULT_RECEIPT_WORKDAYS, MAX_RECEIPT_WORKDAYS } from '@duban/domain/task/task-types';

/**
 * `receiptWorkdays` of an import or a registration: how many workdays the lead unit has for 签收
 * (0: none). Only shaped here; the import checks the value (checkedReceiptWorkdays) whichever
 * door it came in by, and names the field when it refuses.
 */
export function ReceiptWorkdaysField() {
  return applyDecorators(
    ApiPropertyOptional({
      description: '签收期限：牵头单位负责人须在几个工作日内签收（0 为不需签收）',
      type: 'integer',
      default: DEFAULT_RECEIPT_WORKDAYS,
      minimum: 0,
      maximum: MAX_RECEIPT_WORKDAYS,
    }),
    IsOptional(),
    Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value))),
  );
}
