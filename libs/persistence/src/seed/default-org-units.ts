import { OrgUnit } from '@duban/domain/plan/org-unit';

/**
 * The sections of a district Ecology & Environment Bureau (生态环境局), seeded on first start.
 * Admins add, rename and alias units afterwards; an import may also create unknown ones on request.
 */
export const DEFAULT_ORG_UNITS: (OrgUnit & { parentBody: string })[] = [
  { code: 'office', name: '办公室', aliases: ['局办公室'], kind: 'office', parentBody: '生态环境局' },
  { code: 'general', name: '综合股', aliases: ['综合科'], kind: 'section', parentBody: '生态环境局' },
  { code: 'water-air', name: '水气股', aliases: ['水气科', '大气与水股'], kind: 'section', parentBody: '生态环境局' },
  { code: 'ecology', name: '生态股', aliases: ['生态科', '自然生态股'], kind: 'section', parentBody: '生态环境局' },
  {
    code: 'eia-radiation',
    name: '环评与辐射股',
    aliases: ['环评与辐射科', '环评股', '辐射股'],
    kind: 'section',
    parentBody: '生态环境局',
  },
  {
    code: 'enforcement',
    name: '执法分局',
    aliases: ['生态环境综合执法大队', '执法大队'],
    kind: 'branch',
    parentBody: '生态环境局',
  },
  {
    code: 'monitoring',
    name: '监测站',
    aliases: ['环境监测站', '生态环境监测站'],
    kind: 'station',
    parentBody: '生态环境局',
  },
  { code: 'party-group', name: '局党组', aliases: ['党组'], kind: 'party', parentBody: '生态环境局' },
  {
    code: 'party-branch',
    name: '局党总支',
    aliases: ['党总支', '机关党总支'],
    kind: 'party',
    parentBody: '生态环境局',
  },
];
