import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/**
 * Custom search attributes of task workflows, by name and the type the server indexes them as.
 * The dev server registers them at start (`--search-attribute NAME=Keyword`); on a cluster an
 * operator creates them once: `temporal operator search-attribute create --name NAME --type Keyword`.
 */
export const SEARCH_ATTRIBUTES = {
  DubanPlanId: 'Keyword',
  DubanLeadUnit: 'Keyword',
  DubanTrafficLight: 'Keyword',
  DubanStatus: 'Keyword',
} as const;

export type DubanSearchAttributeName = keyof typeof SEARCH_ATTRIBUTES;

/** Typed keys for `typedSearchAttributes` / `upsertSearchAttributes` and visibility queries. */
export const DubanPlanId = defineSearchAttributeKey('DubanPlanId', SearchAttributeType.KEYWORD);
export const DubanLeadUnit = defineSearchAttributeKey('DubanLeadUnit', SearchAttributeType.KEYWORD);
export const DubanTrafficLight = defineSearchAttributeKey('DubanTrafficLight', SearchAttributeType.KEYWORD);
export const DubanStatus = defineSearchAttributeKey('DubanStatus', SearchAttributeType.KEYWORD);

/** `--search-attribute NAME=Type` pairs for `temporal server start-dev`. */
export function devServerSearchAttributeArgs(): string[] {
  return Object.entries(SEARCH_ATTRIBUTES).flatMap(([name, type]) => ['--search-attribute', `${name}=${type}`]);
}
