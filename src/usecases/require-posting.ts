import { findActivePosting, findLastEndedPosting, findUpcomingPosting } from '../../db/repositories/postings'
import { DomainError } from '../domain/errors'
import type { UseCaseDeps } from './deps'

/** The posting a doctor is serving on `day`, or a DomainError that says why there is none. */
export async function requireActivePosting(deps: UseCaseDeps, tenantId: string, personId: string, day: string) {
  const { db } = deps
  const posting = await (deps.roster ? deps.roster.activePosting(tenantId, personId, day) : findActivePosting(db, tenantId, personId, day))
  if (posting) return posting
  const upcoming = await findUpcomingPosting(db, tenantId, personId, day)
  if (upcoming) throw new DomainError('posting_not_started', { startsOn: upcoming.startsOn, org: upcoming.receivingOrgName })
  const ended = await findLastEndedPosting(db, tenantId, personId, day)
  if (ended) throw new DomainError('posting_ended', { endsOn: ended.endsOn, org: ended.receivingOrgName })
  throw new DomainError('no_active_posting')
}
