/**
 * Custom search attributes of task workflows, registered when the dev server starts (and by an
 * operator on a cluster: `temporal operator search-attribute create --name … --type Keyword`).
 */
export const SEARCH_ATTRIBUTES = {
  DubanPlanId: 'Keyword',
  DubanLeadUnit: 'Keyword',
  DubanStatus: 'Keyword',
  DubanTrafficLight: 'Keyword',
} as const;
