import { z } from 'zod'
import type { Db } from '../../../db/client'
import { orgTree, oversightRolesOf } from '../../../db/repositories/month-records'
import { DomainError } from '../../domain/errors'

/**
 * Who asks for tenant-wide figures: the admin API and the operator's CLI act as `admin`; a chat user is a person,
 * whose roles decide what they see.
 */
export const Viewer = z.discriminatedUnion('kind', [z.object({ kind: z.literal('admin') }), z.object({ kind: z.literal('person'), personId: z.uuid() })])
export type Viewer = z.infer<typeof Viewer>

/** The orgs a viewer may see: all of the tenant, or the subtrees under the orgs where they hold `office`. */
export interface OfficeScope {
  tenantWide: boolean
  orgIds: Set<string>
  orgNames: Map<string, string>
  /** The orgs the scope hangs from (an office's own orgs), for the heading of what it sees. */
  roots: string[]
  /** A director's scope: their hospital itself, not the orgs below it. */
  ownOrgsOnly?: boolean
}

/**
 * Resolves what a viewer may see, or refuses with `not_office`: doctors, approvers and directors run their own
 * posting or org, not the programme, so exports and statistics are for offices (医务科, 卫健委) and admins only.
 * An `admin` role anywhere in the tenant sees the whole tenant.
 */
export async function officeScope(db: Db, tenantId: string, viewer: Viewer): Promise<OfficeScope> {
  const tree = await orgTree(db, tenantId)
  const orgNames = new Map(tree.map((o) => [o.id, o.name]))
  const all = { tenantWide: true, orgIds: new Set(orgNames.keys()), orgNames, roots: [] }
  if (viewer.kind === 'admin') return all
  const roles = await oversightRolesOf(db, tenantId, viewer.personId)
  if (roles.some((r) => r.role === 'admin')) return all
  const roots = roles.filter((r) => r.role === 'office').map((r) => r.orgId)
  if (roots.length === 0) throw new DomainError('not_office')
  const children = new Map<string, string[]>()
  for (const o of tree) if (o.parentId) children.set(o.parentId, [...(children.get(o.parentId) ?? []), o.id])
  const orgIds = new Set<string>()
  const queue = [...roots]
  while (queue.length) {
    const id = queue.pop()!
    if (orgIds.has(id)) continue
    orgIds.add(id)
    queue.push(...(children.get(id) ?? []))
  }
  return { tenantWide: false, orgIds, orgNames, roots }
}
