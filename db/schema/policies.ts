import { date, index, jsonb, pgTable, text } from 'drizzle-orm/pg-core'
import { createdAt, id, tenantId } from './columns'

/** A parameter a successor changes (names and value shapes are the rules core's; db stores them as given). */
export interface StoredOverride {
  parameter: string
  value: unknown
  clause: string
  quote: string
}

/**
 * 政策延续: a successor document an office entered to continue a pack (or named programmes of it) past its own
 * period. Never deleted: ending one sets `until` and writes an audit row.
 */
export const policySuccessors = pgTable(
  'policy_successors',
  {
    id: id(),
    tenantId: tenantId(),
    policyId: text('policy_id').notNull(),
    document: text('document').notNull(),
    title: text('title').notNull(),
    /** Null where the office did not give it (the CLI's --issued-on is optional). */
    issuedOn: date('issued_on'),
    fromDay: date('from_day').notNull(),
    /** The successor's last day, included; null while open-ended. */
    untilDay: date('until_day'),
    clause: text('clause').notNull(),
    quote: text('quote').notNull(),
    programmes: jsonb('programmes').$type<string[]>(),
    overrides: jsonb('overrides').$type<StoredOverride[]>(),
    createdAt: createdAt(),
  },
  (t) => [index('policy_successors_tenant_policy_idx').on(t.tenantId, t.policyId, t.fromDay)],
)
