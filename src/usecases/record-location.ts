import { recordAttendanceEvent } from '../../db/repositories/attendance'
import type { Lang } from '../domain/command'
import type { Platform } from '../domain/platform'
import type { Reply } from '../domain/reply'
import { shanghaiDate } from '../time/shanghai'
import type { UseCaseDeps } from './deps'
import { LOCATION_WINDOW_MINUTES, pairLocation } from './location-proof'
import { locationReply } from './replies'
import { requireActivePosting } from './require-posting'

export interface RecordLocationInput {
  tenantId: string
  personId: string
  platform: Platform
  eventId: string
  location: { latitude: number; longitude: number; name: string }
  lang: Lang
}

/** A shared location: kept as an attendance event and, when 签到 is within the window, attached to it as proof. In the caller's transaction. */
export async function recordLocation(deps: UseCaseDeps, input: RecordLocationInput): Promise<Reply> {
  const at = deps.clock.now()
  const posting = await requireActivePosting(deps, input.tenantId, input.personId, shanghaiDate(at))
  const event = await recordAttendanceEvent(deps.db, {
    tenantId: input.tenantId,
    postingId: posting.id,
    personId: input.personId,
    kind: 'location',
    occurredAt: at,
    platform: input.platform,
    platformEventId: input.eventId,
    latitude: input.location.latitude,
    longitude: input.location.longitude,
  })
  const proof = event ? await pairLocation(deps.db, { postingId: posting.id, posting, kind: 'location', eventId: event.id, at, location: input.location }) : null
  return locationReply({ proof, org: posting.receivingOrgName, windowMinutes: LOCATION_WINDOW_MINUTES }, input.lang)
}
