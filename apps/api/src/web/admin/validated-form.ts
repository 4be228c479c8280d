import { plainToInstance } from 'class-transformer';
import { validate, ValidationError } from 'class-validator';
import { BadInputError } from '@duban/domain/errors/domain-error';

type Dto<T> = new () => T;

/**
 * A posted page form checked by the same class-validator rules as its JSON route. The first
 * problem is the refusal, tied to its field; messages are "中文 / English": the page shows the Chinese.
 */
export async function validatedForm<T extends object>(cls: Dto<T>, plain: Record<string, unknown>): Promise<T> {
  const dto = plainToInstance(cls, plain);
  const errors = await validate(dto, { whitelist: true, forbidUnknownValues: false });
  const first = firstProblem(errors);
  if (first) {
    throw new BadInputError('VALIDATION_FAILED', first.message.split(' / ')[0], first.message, {
      field: first.field,
    });
  }
  return dto;
}

function firstProblem(errors: ValidationError[]): { field: string; message: string } | null {
  for (const e of errors) {
    const message = Object.values(e.constraints ?? {})[0];
    if (message) return { field: e.property, message };
    const nested = firstProblem(e.children ?? []);
    if (nested) return nested;
  }
  return null;
}
