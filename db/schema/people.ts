import { boolean, index, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core'
import { createdAt, id, tenantId } from './columns'
import { orgs } from './orgs'
import { PLATFORMS, type Platform } from '../../src/domain/platform'

export const TITLES = ['none', 'junior', 'intermediate', 'associateSenior', 'senior'] as const
export type Title = (typeof TITLES)[number]
export const LICENCES = ['none', 'assistantPhysician', 'physician'] as const
export type Licence = (typeof LICENCES)[number]
/** 岗位类别 (rules StaffRole): what a person does on a team. */
export const STAFF_ROLES = ['physician', 'nurse', 'pharmacist', 'medicalTechnician', 'manager', 'publicHealth'] as const
export type StaffRoleCode = (typeof STAFF_ROLES)[number]

/** No phone numbers or ID numbers: chat identities are enough to reach a person. */
export const people = pgTable(
  'people',
  {
    id: id(),
    tenantId: tenantId(),
    name: text('name').notNull(),
    title: text('title').$type<Title>(),
    licence: text('licence').$type<Licence>(),
    staffRole: text('staff_role').$type<StaffRoleCode>(),
    /** 高年资主治医师 (Changchun, Zhejiang title bars); null = not stated. */
    seniorAttending: boolean('senior_attending'),
    employerOrgId: uuid('employer_org_id').references(() => orgs.id),
    createdAt: createdAt(),
  },
  (t) => [index('people_tenant_idx').on(t.tenantId)],
)

export { PLATFORMS, type Platform }

/** A person's account on a chat platform (Feishu open_id/union_id, WeCom userid, console handle). */
export const identities = pgTable(
  'identities',
  {
    id: id(),
    tenantId: tenantId(),
    platform: text('platform').$type<Platform>().notNull(),
    externalId: text('external_id').notNull(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    createdAt: createdAt(),
  },
  // Every notice looks up its recipient's accounts by person (notifyPerson).
  (t) => [unique('identities_platform_external_uq').on(t.tenantId, t.platform, t.externalId), index('identities_person_idx').on(t.tenantId, t.personId)],
)

export const ROLES = ['doctor', 'approver', 'director', 'office', 'admin'] as const
export type Role = (typeof ROLES)[number]

/** What a person may do, and over which org (its subtree for offices). */
export const roleAssignments = pgTable(
  'role_assignments',
  {
    id: id(),
    tenantId: tenantId(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    role: text('role').$type<Role>().notNull(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    createdAt: createdAt(),
  },
  (t) => [unique('role_assignments_uq').on(t.personId, t.role, t.orgId)],
)
