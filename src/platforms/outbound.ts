import type { FileFetcher } from '../domain/inbound'
import type { RateWindow } from './rate-limit'

/** The outcome of one delivery attempt; `retryable` failures are tried again later with backoff. */
export type SendResult = { ok: true } | { ok: false; retryable: boolean; error: string; retryAfterMs?: number }

/** A platform's way of delivering an outbox row; `id` is the row's id, passed on as the platform's dedupe key. */
export interface OutboundSender {
  send(message: { id: string; recipient: string; message: unknown }): Promise<SendResult>
  /**
   * Limits the platform enforces by dropping what exceeds them without an error (WeCom). The outbox counts what it
   * sent to the recipient, by any process, against them before each send; a platform that refuses instead of
   * dropping paces itself inside `send`.
   */
  silentLimits?(recipient: string): RateWindow[] | undefined
  /** Downloads a file someone sent the bot, with the same credentials the sender holds. */
  fetchFile?: FileFetcher
}
