import type { Response } from 'express';
import { DomainError } from '@duban/domain/errors/domain-error';
import { html, raw, SafeHtml } from './html';

/**
 * A refused form shown again on its page (WCAG 3.3.1, 3.3.3): the message inside the form, tied
 * to the control it is about by aria-invalid and aria-describedby, that control taking the focus
 * (or the message itself when it is about no control), and what the user typed kept.
 */
export interface FormRefusal {
  /** Which form of the page: a task action, or a page's own form name. */
  form: string;
  message: string;
  /** The control the refusal is about, or null. */
  control: string | null;
  values: Record<string, string>;
}

/** Fields every form posts that the user never typed. */
const HIDDEN_FIELDS = new Set(['_csrf', 'requestId', 'back']);

export const refusalId = (form: string): string => `${form}-error`;

/**
 * The refusal of a posted form: the error's message and the control its `details.field` names,
 * if the form has one of that name (`controlOfField` maps an argument to a control named otherwise).
 */
export function formRefusal(
  form: string,
  error: DomainError,
  body: Record<string, unknown>,
  controls: readonly string[],
  controlOfField: Record<string, string> = {},
): FormRefusal {
  const values = Object.fromEntries(
    Object.entries(body).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string' && !HIDDEN_FIELDS.has(entry[0]),
    ),
  );
  const field = (error.details as { field?: unknown } | undefined)?.field;
  const named = typeof field === 'string' ? (controlOfField[field] ?? field) : null;
  return { form, message: error.messageZh, control: named && controls.includes(named) ? named : null, values };
}

/** One form's part of a page's refusal: its message block, and each control's value and ties. */
export function refusalFor(refusal: FormRefusal | null | undefined, form: string) {
  const mine = refusal?.form === form ? refusal : undefined;
  return {
    refused: mine !== undefined,
    value: (name: string, fallback = ''): string => mine?.values[name] ?? fallback,
    /** aria-invalid, aria-describedby and autofocus on the refused control. */
    ties: (name: string): SafeHtml | '' =>
      mine?.control === name ? raw(`aria-invalid="true" aria-describedby="${refusalId(form)}" autofocus`) : '',
    message: (): SafeHtml | '' =>
      mine
        ? html`<p
            class="error"
            id="${refusalId(form)}"
            role="alert"
            tabindex="-1"
            ${mine.control ? '' : raw('autofocus')}
          >
            ${mine.message}
          </p>`
        : '',
  };
}

/** Refusals a form shows and the user can act on: input, permission, state, a busy workflow. */
const REFUSALS_SHOWN_IN_FORM = new Set([400, 403, 409, 503]);

/**
 * Answers a failed form POST with its page again, the refusal in its form (`page` builds it).
 * Anything else, or a page that cannot be built (the item gone from view), goes on to the error page.
 */
export async function answerWithRefusedPage(
  res: Response,
  error: unknown,
  page: (refused: DomainError) => Promise<string>,
): Promise<void> {
  if (!(error instanceof DomainError) || !REFUSALS_SHOWN_IN_FORM.has(error.status)) throw error;
  const html = await page(error).catch(() => {
    throw error;
  });
  res.status(error.status).type('html').send(html);
}
