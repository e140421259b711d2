import { tenantExists, tenantOfAccount } from '../../db/repositories/tenants'
import type { Platform } from '../../db/schema'
import type { UseCaseDeps } from './deps'

/** The tenant of a platform workspace: its registration, else the deployment's default tenant if that exists. */
export async function workspaceTenant(deps: UseCaseDeps, platform: Platform, workspaceKey: string | undefined, fallback?: string) {
  const registered = workspaceKey ? await tenantOfAccount(deps.db, platform, workspaceKey) : null
  if (registered) return registered
  if (fallback && (await tenantExists(deps.db, fallback))) return fallback
  return null
}
