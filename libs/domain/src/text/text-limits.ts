/**
 * Longest text each kind of field takes, in characters (UTF-16 code units, as JavaScript and the
 * validators count). One table for the DTOs, the forms and the workflow validators, so a limit is
 * the same wherever the text comes in; the README lists them.
 */
export const TEXT_LIMITS = {
  /** 办理情况说明 of a submission. */
  submissionNote: 5000,
  /** Any other note (approval, feedback, decision). */
  note: 2000,
  /** A reason (return, extension, reassignment, suspension, cancellation). */
  reason: 2000,
  comment: 2000,
  /** A problem's title in a rectification ledger. */
  problemTitle: 500,
  stageKey: 48,
  unitCode: 64,
} as const;

export type TextLimitKind = keyof typeof TEXT_LIMITS;
