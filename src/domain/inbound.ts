import type { Platform } from './platform'

/** A chat message after a platform adapter has verified and decoded it. */
export interface InboundMessage {
  platform: Platform
  tenantId: string
  /** The platform's own id for this delivery; a redelivery carries the same id. */
  eventId: string
  senderExternalId: string
  /** Further ids of the same account, tried in order when the first is not registered (Feishu union_id). */
  senderAliases?: string[]
  text: string
  /** A shared location instead of text (Feishu/WeCom location messages). */
  location?: { latitude: number; longitude: number; name: string }
  /** Other ids the platform may redeliver this message under (Feishu: the event id beside the message id). */
  alsoKnownAs?: string[]
  /** Where the reply goes through the outbox (e.g. `chat_id:oc_…`); absent when the reply is the HTTP answer. */
  replyTo?: string
}
