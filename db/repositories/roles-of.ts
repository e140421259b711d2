import { and, eq } from 'drizzle-orm'
import type { Db } from '../client'
import { roleAssignments } from '../schema'

/** Every role a person holds, with the org it is held at. */
export async function rolesOfPerson(db: Db, tenantId: string, personId: string) {
  return db
    .select({ role: roleAssignments.role, orgId: roleAssignments.orgId })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.tenantId, tenantId), eq(roleAssignments.personId, personId)))
}
