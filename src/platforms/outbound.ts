/** The outcome of one delivery attempt; `retryable` failures are tried again later with backoff. */
export type SendResult = { ok: true } | { ok: false; retryable: boolean; error: string; retryAfterMs?: number }

/** A platform's way of delivering an outbox row; `id` is the row's id, passed on as the platform's dedupe key. */
export interface OutboundSender {
  send(message: { id: string; recipient: string; message: unknown }): Promise<SendResult>
}
