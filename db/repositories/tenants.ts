import { eq } from 'drizzle-orm'
import type { Db } from '../client'
import { tenants } from '../schema'

export async function tenantExists(db: Db, tenantId: string): Promise<boolean> {
  const rows = await db.select({ id: tenants.id }).from(tenants).where(eq(tenants.id, tenantId)).limit(1)
  return rows.length > 0
}
