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

/**
 * workspaceTenant with a short memory: the webhook asks it for every message, and a workspace's tenant does not
 * change. Only found tenants are kept, so a workspace registered a moment ago is found at once.
 */
export function rememberedWorkspaceTenants(deps: UseCaseDeps, keepMs = 60_000) {
  const known = new Map<string, { tenantId: string; until: number }>()
  return async (platform: Platform, workspaceKey: string | undefined, fallback?: string) => {
    const key = `${platform}\u0000${workspaceKey ?? ''}\u0000${fallback ?? ''}`
    const now = deps.clock.now().getTime()
    const hit = known.get(key)
    if (hit && hit.until > now) return hit.tenantId
    const tenantId = await workspaceTenant(deps, platform, workspaceKey, fallback)
    if (tenantId) known.set(key, { tenantId, until: now + keepMs })
    return tenantId
  }
}
