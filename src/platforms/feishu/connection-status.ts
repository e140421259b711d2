// Apart from long-connection.ts, so that /healthz (also on Workers) never pulls the Lark SDK into its imports.

/** How the Feishu side of this process stands, for /healthz. */
export interface FeishuConnectionStatus {
  connection: 'webhook' | 'connected' | 'reconnecting' | 'failed'
  /** ISO time of the last change of `connection` (for webhook: the start). */
  since: string
  /** A websocket deployment that has had no connection for more than `DOWN_AFTER_MS`: /healthz answers 503. */
  down: boolean
}

export const DOWN_AFTER_MS = 60_000
