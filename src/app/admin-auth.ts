import type { Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import type { AppEnv } from './deps'
import { errorBody } from './errors'

const encoder = new TextEncoder()

/**
 * Compares two secrets in time that does not depend on where they differ: both are hashed first (SHA-256 through
 * Web Crypto, so Workers run it too), which also hides the token's length.
 */
export async function sameSecret(given: string, expected: string): Promise<boolean> {
  const [a, b] = await Promise.all([crypto.subtle.digest('SHA-256', encoder.encode(given)), crypto.subtle.digest('SHA-256', encoder.encode(expected))])
  const x = new Uint8Array(a)
  const y = new Uint8Array(b)
  let difference = 0
  for (let i = 0; i < x.length; i++) difference |= x[i]! ^ y[i]!
  return difference === 0
}

/**
 * Guards /api/admin/*: `Authorization: Bearer <token>`, the token being ADMIN_TOKEN (every tenant) or one of
 * ADMIN_TOKENS (only its tenants; see `adminTenant`). With no token configured the admin API is off (503), so a
 * deployment that never set one cannot be opened by guessing an empty one.
 */
export const adminAuth = createMiddleware<AppEnv>(async (c, next) => {
  const { config, localToken } = c.get('deps')
  const { adminToken, adminTokens } = config
  const given = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '')?.[1]
  const local = localToken?.()
  if (given && local && (await sameSecret(given, local))) {
    c.set('adminTenants', null)
    c.set('adminActor', localActor(c.req.header('x-duikou-actor')))
    return next()
  }
  if (!adminToken && adminTokens.length === 0) return c.json(errorBody(c, 'admin_disabled', 'admin API disabled: set ADMIN_TOKEN to enable it'), 503)
  // Every configured token is compared, so the time taken says nothing about which one (if any) matched.
  let tenants: string[] | null | undefined
  if (given && adminToken && (await sameSecret(given, adminToken))) tenants = null
  for (const binding of adminTokens) if (given && (await sameSecret(given, binding.token)) && tenants === undefined) tenants = binding.tenants
  if (tenants === undefined) {
    c.header('WWW-Authenticate', 'Bearer realm="duikou-admin"')
    return c.json(errorBody(c, 'unauthorized', 'missing or wrong bearer token'), 401)
  }
  c.set('adminTenants', tenants)
  c.set('adminActor', tenants === null ? ADMIN_API_ACTOR : `管理员接口（ADMIN_TOKENS：${tenants.join('、')}）`)
  await next()
})

/** Who the audit log names for a request under ADMIN_TOKEN: whoever holds it, no person in particular. */
export const ADMIN_API_ACTOR = '管理员接口（ADMIN_TOKEN）'

/** A local command names its OS account (`命令行（user@host）`); only the lock file's token may say so. */
function localActor(claimed: string | undefined): string {
  const label = claimed ? decodeURIComponent(claimed) : ''
  return /^命令行（[\w.@-]{1,100}）$/u.test(label) ? label : '命令行（本机）'
}

/**
 * The tenant an admin request is about: `?tenant=` or, without it, the token's only tenant (else CONSOLE_TENANT).
 * Null when the token is bound to other tenants: the route answers 403 and reads nothing.
 */
export function adminTenant(c: Context<AppEnv>, requested: string | undefined): string | null {
  const bound = c.get('adminTenants')
  const tenantId = requested ?? (bound?.length === 1 ? bound[0]! : c.get('deps').config.console.tenantId)
  return bound === null || bound.includes(tenantId) ? tenantId : null
}

/** The answer when `adminTenant` said no: the same whether or not the tenant exists. */
export function forbiddenTenant(c: Context<AppEnv>, requested: string | undefined) {
  return c.json(errorBody(c, 'forbidden', `this token is not for tenant "${requested ?? c.get('deps').config.console.tenantId}"`), 403)
}
