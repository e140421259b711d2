/** What the Feishu adapter needs to know about the app; `src/config.ts` builds it from FEISHU_* variables. */
export interface FeishuSettings {
  appId?: string
  appSecret?: string
  encryptKey?: string
  verificationToken?: string
  /** The bot's own open_id: in groups, only a mention of it counts. */
  botOpenId?: string
  /** For a single-organisation deployment: the tenant of any Feishu workspace not registered in tenant_accounts. */
  defaultTenant?: string
  baseUrl: string
  /** Timeout of one open-platform API call (default 5 s). */
  requestTimeoutMs?: number
  /** How events reach duikou: webhook (Feishu calls our public URL) or websocket (we hold Feishu's long connection). */
  connection: 'webhook' | 'websocket'
}
