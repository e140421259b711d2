import { claimCheckIn } from '../../db/repositories/attendance'
import type { Platform } from '../../db/schema'
import { shanghaiDate } from '../time/shanghai'
import type { UseCaseDeps } from './deps'
import { locationWindow, proveLocation } from './location-proof'
import { requireActivePosting } from './require-posting'

export interface CheckInInput {
  tenantId: string
  personId: string
  platform: Platform
  eventId: string
}

/**
 * 签到: records the server's time for today's Asia/Shanghai day; the first check-in of a day stands. Runs in the
 * caller's transaction (handleMessage's, which also claims the event and queues the reply).
 */
export async function checkIn(deps: UseCaseDeps, input: CheckInInput) {
  const at = deps.clock.now()
  const day = shanghaiDate(at)
  const posting = await requireActivePosting(deps, input.tenantId, input.personId, day)
  const claim = await claimCheckIn(deps.db, { tenantId: input.tenantId, postingId: posting.id, day }, at, {
    personId: input.personId,
    platform: input.platform,
    platformEventId: input.eventId,
    locationWindow: locationWindow(at),
  })
  const location = claim.eventId ? await proveLocation(deps.db, { posting, kind: 'checkIn', eventId: claim.eventId, at }, claim.nearbyLocation) : null
  return { first: claim.first, checkInAt: claim.checkInAt, day, posting, location }
}
