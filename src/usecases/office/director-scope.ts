import type { Db } from '../../../db/client'
import { orgTree } from '../../../db/repositories/month-records'
import { rolesOfPerson } from '../../../db/repositories/roles-of'
import { DomainError } from '../../domain/errors'
import { type OfficeScope, officeScope } from './office-scope'

/**
 * A director's view: their own hospital(s) only, not what lies below them in the org tree. The month view then holds
 * the postings their hospital sends or receives and the reports it owes. Null for someone who directs nothing.
 */
export async function directorScope(db: Db, tenantId: string, personId: string): Promise<OfficeScope | null> {
  const roots = (await rolesOfPerson(db, tenantId, personId)).filter((r) => r.role === 'director').map((r) => r.orgId)
  if (!roots.length) return null
  const orgNames = new Map((await orgTree(db, tenantId)).map((o) => [o.id, o.name]))
  return { tenantWide: false, orgIds: new Set(roots), orgNames, roots, ownOrgsOnly: true }
}

/** 统计: an office's subtree (or the tenant for an admin); failing that, a director's own hospital; else not_office. */
export async function statusScope(db: Db, tenantId: string, personId: string): Promise<OfficeScope> {
  try {
    return await officeScope(db, tenantId, { kind: 'person', personId })
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== 'not_office') throw error
    const scope = await directorScope(db, tenantId, personId)
    if (!scope) throw error
    return scope
  }
}
