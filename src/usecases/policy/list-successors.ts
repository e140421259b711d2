import type { Db } from '../../../db/client'
import { tenantExists } from '../../../db/repositories/tenants'
import { OVERRIDABLE, POLICY_IDS, POLICY_META, SUPPORT_PERIODS, dates } from '../../../rules'
import { type StoredSuccessor, tenantSuccessors } from './successors'

export interface SuccessorList {
  successors: StoredSuccessor[]
  /** Each pack's own period and what a successor may change there, so an office sees what it can continue. */
  packs: { policy: string; document: string; endsOn: string; overridable: { name: string; description: string; unit: string }[] }[]
}

/** A tenant's successors with the packs they continue; null for an unknown tenant. */
export async function listSuccessors(db: Db, tenantId: string): Promise<SuccessorList | null> {
  if (!(await tenantExists(db, tenantId))) return null
  return {
    successors: await tenantSuccessors(db, tenantId),
    packs: POLICY_IDS.map((policy) => ({
      policy,
      document: POLICY_META[policy].document,
      endsOn: dates.addDays(SUPPORT_PERIODS[policy].until, -1),
      overridable: OVERRIDABLE[policy].map(({ name, description, unit }) => ({ name, description, unit })),
    })),
  }
}
