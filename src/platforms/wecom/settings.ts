/** What the WeCom adapter needs to know about the app; `src/config.ts` builds it from WECOM_* variables. */
export interface WecomSettings {
  corpId?: string
  agentId?: string
  secret?: string
  token?: string
  encodingAesKey?: string
  /** For a single-organisation deployment: the tenant of the corp when it is not registered in tenant_accounts. */
  defaultTenant?: string
  baseUrl: string
}
