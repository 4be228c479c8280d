/** A responsible unit as the system knows it (the managed org-unit table). */
export interface OrgUnit {
  code: string;
  name: string;
  aliases: string[];
  /** section | office | station | branch | party */
  kind: string;
}

/** Kinds that 各股室 / 各科室 ("every section") expands to. */
export const SECTION_KINDS = new Set(['section', 'office']);
