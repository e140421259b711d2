import { and, asc, eq } from 'drizzle-orm'
import type { Db } from '../client'
import { roleAssignments, type Role } from '../schema'

/** People holding `role` at an org, longest-serving first. */
export async function holdersOf(db: Db, tenantId: string, role: Role, orgId: string): Promise<string[]> {
  const rows = await db
    .select({ personId: roleAssignments.personId })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.tenantId, tenantId), eq(roleAssignments.role, role), eq(roleAssignments.orgId, orgId)))
    .orderBy(asc(roleAssignments.createdAt))
  return rows.map((r) => r.personId)
}

export async function holdsRole(db: Db, tenantId: string, personId: string, role: Role, orgId: string): Promise<boolean> {
  const rows = await db
    .select({ id: roleAssignments.id })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.tenantId, tenantId), eq(roleAssignments.personId, personId), eq(roleAssignments.role, role), eq(roleAssignments.orgId, orgId)))
    .limit(1)
  return rows.length > 0
}
