import type { Platform } from '../../db/schema'

/** A chat message after a platform adapter has verified and decoded it. */
export interface InboundMessage {
  platform: Platform
  tenantId: string
  /** The platform's own id for this delivery; a redelivery carries the same id. */
  eventId: string
  senderExternalId: string
  text: string
}
