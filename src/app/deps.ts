import type { Database } from '../../db/client'
import type { inboxWriter } from '../../db/repositories/inbox'
import type { rememberedWorkspaceTenants } from '../usecases/workspace-tenant'
import type { Config } from '../config'
import type { Clock } from '../domain/clock'
import type { FeishuConnectionStatus } from '../platforms/feishu/connection-status'

/** Everything the HTTP app needs, injected by the entry point (Node server, Worker, tests). */
export interface AppDeps {
  database: Database
  clock: Clock
  config: Config
  version: string
  /** Wakes the outbox sender after a webhook committed messages to send. */
  outbox: { kick(): void }
  /** Wakes the inbox worker after a webhook stored a chat message to handle. */
  inbox: { kick(): void }
  /** The token local commands read from the embedded database's lock file to use this server's admin API. */
  localToken?: () => string | null
  /** The Feishu long connection's state (FEISHU_CONNECTION=websocket); absent: events come by webhook. */
  feishuConnection?: () => FeishuConnectionStatus
}

/** What createApp builds once per app and every request shares. */
export interface AppServices {
  storeInbound: ReturnType<typeof inboxWriter>
  workspaceTenant: ReturnType<typeof rememberedWorkspaceTenants>
  /** When this app was built: the `since` of a webhook deployment's Feishu status. */
  startedAt: Date
}

/**
 * adminTenants: set by adminAuth, null for ADMIN_TOKEN or the local token (every tenant), the bound tenants for one of
 * ADMIN_TOKENS. adminActor: who the audit log names for the request.
 */
export type AppEnv = { Variables: { requestId: string; deps: AppDeps; services: AppServices; adminTenants: string[] | null; adminActor: string } }
