import { and, eq } from 'drizzle-orm'
import type { Db } from '../client'
import { tenantAccounts, tenants, type Platform } from '../schema'

export async function tenantExists(db: Db, tenantId: string): Promise<boolean> {
  const rows = await db.select({ id: tenants.id }).from(tenants).where(eq(tenants.id, tenantId)).limit(1)
  return rows.length > 0
}

/** Whether the database holds any tenant at all (an empty database is a fresh install). */
export async function anyTenant(db: Db): Promise<boolean> {
  const rows = await db.select({ id: tenants.id }).from(tenants).limit(1)
  return rows.length > 0
}

/** The tenant a platform workspace (Feishu tenant_key, WeCom corp id) belongs to, or null if nobody set it up. */
export async function tenantOfAccount(db: Db, platform: Platform, externalKey: string): Promise<string | null> {
  const [row] = await db
    .select({ tenantId: tenantAccounts.tenantId })
    .from(tenantAccounts)
    .where(and(eq(tenantAccounts.platform, platform), eq(tenantAccounts.externalKey, externalKey)))
  return row?.tenantId ?? null
}
