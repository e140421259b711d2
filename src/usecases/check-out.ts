import { recordCheckOut } from '../../db/repositories/attendance'
import { shanghaiDate } from '../time/shanghai'
import type { CheckInInput } from './check-in'
import type { UseCaseDeps } from './deps'
import { requireActivePosting } from './require-posting'

/** 签退: the day's latest check-out counts; a check-out without a check-in is kept and the reply suggests 补卡. In the caller's transaction. */
export async function checkOut(deps: UseCaseDeps, input: CheckInInput) {
  const at = deps.clock.now()
  const day = shanghaiDate(at)
  const posting = await requireActivePosting(deps, input.tenantId, input.personId, day)
  const before = await recordCheckOut(deps.db, { tenantId: input.tenantId, postingId: posting.id, day }, at, {
    personId: input.personId,
    platform: input.platform,
    platformEventId: input.eventId,
  })
  return { checkOutAt: at, day, posting, ...before }
}
