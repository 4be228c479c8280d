import { ArgumentMetadata, CanActivate, ExecutionContext, Injectable, PipeTransform } from '@nestjs/common';
import { Request } from 'express';
import { BadInputError } from '@duban/domain/errors/domain-error';
import { findUnsafeText, TextProblem } from '@duban/domain/text/safe-text';

/** The 400 problem of text that cannot be stored, naming the field. */
export function unsafeTextError(problem: TextProblem): BadInputError {
  const code = problem.reason === 'too-deep' ? 'INPUT_TOO_DEEP' : 'UNSAFE_TEXT';
  return new BadInputError(code, problem.zh, problem.en, { field: problem.field });
}

/** Throws the 400 problem when anything inside `value` (rooted at `path`) is not storable text. */
export function assertSafeInput(value: unknown, path: string): void {
  const problem = findUnsafeText(value, path);
  if (problem) throw unsafeTextError(problem);
}

/**
 * Global guard, first of all: a request whose path parameters, query or parsed body (JSON or
 * form) hold text no store can hold (NUL, lone surrogates, control characters) or nest too deep is
 * refused with 400 before authentication, handlers or the workflow see it. Runs inside the
 * exception filters, so a page gets the error page and the API a problem body.
 */
@Injectable()
export class SafeInputGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<Request>();
    assertSafeInput(req.params, 'path');
    assertSafeInput(req.query, 'query');
    assertSafeInput(req.body, 'body');
    return true;
  }
}

/**
 * The same check on the values handlers receive, for what the guard cannot see yet: multipart
 * fields, parsed by multer after the guards.
 */
@Injectable()
export class SafeInputPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'body' || metadata.type === 'query' || metadata.type === 'param') {
      assertSafeInput(value, metadata.data ? `${metadata.type}.${metadata.data}` : metadata.type);
    }
    return value;
  }
}
