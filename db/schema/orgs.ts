import { type AnyPgColumn, boolean, doublePrecision, index, integer, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core'
import { createdAt, id, tenantId } from './columns'

// centralTownship: 中心乡镇卫生院, which Henan 附件8 三(二) and Sichuan 五(六) treat apart from other township centres.
export const ORG_LEVELS = ['commission', 'province', 'tertiary', 'secondary', 'county', 'centralTownship', 'township', 'community', 'village', 'department'] as const
export type OrgLevel = (typeof ORG_LEVELS)[number]
export const ORG_KINDS = ['commission', 'general', 'tcm', 'maternalChild', 'cdc', 'supervision', 'other'] as const
export type OrgKind = (typeof ORG_KINDS)[number]

/** A tree: commission → hospital → department. */
export const orgs = pgTable(
  'orgs',
  {
    id: id(),
    tenantId: tenantId(),
    parentId: uuid('parent_id').references((): AnyPgColumn => orgs.id),
    name: text('name').notNull(),
    level: text('level').$type<OrgLevel>().notNull(),
    kind: text('kind').$type<OrgKind>().notNull(),
    region: text('region'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    /** In a 深度贫困县 (Sichuan 五(六) 师带徒 ratios); null = not stated. */
    deepPovertyCounty: boolean('deep_poverty_county'),
    /** 本院专业技术人员数, for the share of staff a hospital sends (Yantai 附件3 二); null = not stated. */
    staffCount: integer('staff_count'),
    createdAt: createdAt(),
  },
  (t) => [index('orgs_tenant_parent_idx').on(t.tenantId, t.parentId), unique('orgs_tenant_name_uq').on(t.tenantId, t.name)],
)
