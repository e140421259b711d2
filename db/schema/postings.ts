import { date, index, integer, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core'
import { createdAt, id, tenantId } from './columns'
import { orgs } from './orgs'
import { people } from './people'

/** 对口支援关系: a supporting org helps a receiving one under one policy for a period (usually three years). */
export const supportPairs = pgTable(
  'support_pairs',
  {
    id: id(),
    tenantId: tenantId(),
    supportingOrgId: uuid('supporting_org_id')
      .notNull()
      .references(() => orgs.id),
    receivingOrgId: uuid('receiving_org_id')
      .notNull()
      .references(() => orgs.id),
    policyId: text('policy_id').notNull(),
    programme: text('programme'),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on'),
    agreementRef: text('agreement_ref'),
    createdAt: createdAt(),
  },
  (t) => [
    index('support_pairs_tenant_idx').on(t.tenantId),
    unique('support_pairs_natural_uq').on(t.tenantId, t.supportingOrgId, t.receivingOrgId, t.policyId, t.startsOn),
  ],
)

export const POSTING_STATUSES = ['active', 'completed', 'cancelled'] as const
export type PostingStatus = (typeof POSTING_STATUSES)[number]
export const ASSESSMENTS = ['pending', 'passed', 'failed'] as const
export type Assessment = (typeof ASSESSMENTS)[number]

/** 派驻: one person sent to one receiving org for a period under one policy. Dates are Asia/Shanghai calendar days. */
export const postings = pgTable(
  'postings',
  {
    id: id(),
    tenantId: tenantId(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    supportPairId: uuid('support_pair_id').references(() => supportPairs.id),
    supportingOrgId: uuid('supporting_org_id')
      .notNull()
      .references(() => orgs.id),
    receivingOrgId: uuid('receiving_org_id')
      .notNull()
      .references(() => orgs.id),
    policyId: text('policy_id').notNull(),
    /** How the person serves (rules PostingMode: resident, team, roving, workstation331…); null = resident. */
    mode: text('mode'),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    /** 师带徒: how many apprentices the posted person mentors (Sichuan 五(六)); null = not stated. */
    apprentices: integer('apprentices'),
    status: text('status').$type<PostingStatus>().notNull().default('active'),
    assessment: text('assessment').$type<Assessment>().notNull().default('pending'),
    createdAt: createdAt(),
  },
  (t) => [
    index('postings_person_idx').on(t.tenantId, t.personId, t.startsOn),
    unique('postings_natural_uq').on(t.tenantId, t.personId, t.receivingOrgId, t.startsOn),
  ],
)
