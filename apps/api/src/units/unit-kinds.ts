/** 股室, 办公室, 监测站, 执法分局, 党组织: the kinds OrgUnitEntity documents. */
export const UNIT_KINDS = ['section', 'office', 'station', 'branch', 'party'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** Lower-case code used in ids, usernames and tokens, e.g. "water-air". */
export const UNIT_CODE_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;
