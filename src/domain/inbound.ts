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
  /** A file sent to the bot (an office's roster or pair table), fetched from the platform when handled. */
  file?: InboundFile
  /** Other ids the platform may redeliver this message under (Feishu: the event id beside the message id). */
  alsoKnownAs?: string[]
  /** Where the reply goes through the outbox (e.g. `chat_id:oc_…`); absent when the reply is the HTTP answer. */
  replyTo?: string
}

/** A file in a chat message, as the platform names it; the bytes stay with the platform until fetched. */
export interface InboundFile {
  /** Feishu file_key, WeCom MediaId. */
  key: string
  name: string
  /** Bytes, when the platform says (WeCom); checked before downloading. */
  size?: number
  /** Feishu downloads a message's resource by the message's id. */
  messageId?: string
}

export type FetchedFile = { ok: true; bytes: Uint8Array } | { ok: false; tooLarge: true }

/** Downloads a file sent in chat, reading at most `maxBytes` of it. */
export type FileFetcher = (file: InboundFile, maxBytes: number) => Promise<FetchedFile>
