import type { Db } from '../../../db/client'
import { successorRows, type SuccessorRow } from '../../../db/repositories/policy-successors'
import { POLICY_IDS, type Successor } from '../../../rules'

/** A successor as the evaluators and the admin API see it, with the id `policy end` takes. */
export type StoredSuccessor = Successor & { id: string }

/** A stored row in the rules core's shape; a row naming a pack this build does not know is left out. */
export function fromRow(row: SuccessorRow): StoredSuccessor | null {
  if (!(POLICY_IDS as readonly string[]).includes(row.policyId)) return null
  return {
    id: row.id,
    policy: row.policyId as Successor['policy'],
    document: row.document,
    title: row.title,
    issuedOn: row.issuedOn,
    from: row.fromDay,
    until: row.untilDay,
    clause: row.clause,
    quote: row.quote,
    ...(row.programmes ? { programmes: row.programmes } : {}),
    ...(row.overrides ? { overrides: row.overrides } : {}),
  }
}

/** The successors a tenant entered: what every evaluator of that tenant is handed (design §12). */
export async function tenantSuccessors(db: Db, tenantId: string): Promise<StoredSuccessor[]> {
  return (await successorRows(db, tenantId)).map(fromRow).filter((s) => s !== null)
}
