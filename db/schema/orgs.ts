import { type AnyPgColumn, doublePrecision, index, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core'
import { createdAt, id, tenantId } from './columns'

export const ORG_LEVELS = ['commission', 'province', 'tertiary', 'secondary', 'county', 'township', 'community', 'village', 'department'] as const
export type OrgLevel = (typeof ORG_LEVELS)[number]
export const ORG_KINDS = ['commission', 'general', 'tcm', 'maternalChild', 'cdc', 'other'] as const
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
    createdAt: createdAt(),
  },
  (t) => [index('orgs_tenant_parent_idx').on(t.tenantId, t.parentId), unique('orgs_tenant_name_uq').on(t.tenantId, t.name)],
)
