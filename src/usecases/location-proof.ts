import { flagEvents, latestEventBetween } from '../../db/repositories/attendance'
import type { Db } from '../../db/client'

/** A location sent this long before or after 签到 proves where the check-in happened. */
export const LOCATION_WINDOW_MINUTES = 10
/** Farther than this from the receiving org, a check-in is kept but flagged for the office to look at. */
export const MAX_CHECKIN_DISTANCE_KM = 1

const EARTH_RADIUS_KM = 6371.0088

/** Great-circle distance in kilometres (haversine), enough at the scale of a county. */
export function distanceKm(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const rad = (deg: number) => (deg * Math.PI) / 180
  const dLat = rad(b.latitude - a.latitude)
  const dLon = rad(b.longitude - a.longitude)
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(h))
}

export interface LocationProof {
  distanceKm: number | null
  flagged: boolean
}

interface Place {
  receivingLatitude: number | null
  receivingLongitude: number | null
}

export interface LocationProofInput {
  posting: Place
  kind: 'checkIn' | 'location'
  eventId: string
  at: Date
  location?: { latitude: number; longitude: number }
}

/** Where the event sent around `at` (the other kind: a location for a check-in, a check-in for a location) is looked for. */
export function locationWindow(at: Date): { from: Date; to: Date } {
  const window = LOCATION_WINDOW_MINUTES * 60_000
  return { from: new Date(at.getTime() - window), to: new Date(at.getTime() + window) }
}

/**
 * Pairs a check-in with a location sent within the window on either side; when the receiving org's coordinates
 * are known and the two are farther apart than allowed, both events are flagged.
 */
export async function pairLocation(db: Db, input: LocationProofInput & { postingId: string }): Promise<LocationProof | null> {
  const { from, to } = locationWindow(input.at)
  const other = await latestEventBetween(db, input.postingId, input.kind === 'checkIn' ? 'location' : 'checkIn', from, to)
  return proveLocation(db, input, other)
}

/** The proof of an event and `other`, the event of the other kind found within the window (none: no proof). */
export async function proveLocation(
  db: Db,
  input: LocationProofInput,
  other: { id: string; latitude: number | null; longitude: number | null } | null,
): Promise<LocationProof | null> {
  if (!other) return null
  const location = input.location ?? (other.latitude !== null && other.longitude !== null ? { latitude: other.latitude, longitude: other.longitude } : null)
  const { receivingLatitude: lat, receivingLongitude: lon } = input.posting
  if (!location || lat === null || lon === null) return { distanceKm: null, flagged: false }
  const km = distanceKm(location, { latitude: lat, longitude: lon })
  const flagged = km > MAX_CHECKIN_DISTANCE_KM
  if (flagged) await flagEvents(db, [input.eventId, other.id])
  return { distanceKm: km, flagged }
}
