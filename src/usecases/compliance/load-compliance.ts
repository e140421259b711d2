import { and, eq } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { complianceOrgs, compliancePairs, compliancePostings, presentDaysBetween, reportsBetween } from '../../../db/repositories/compliance'
import { roleAssignments } from '../../../db/schema'
import { type ComplianceLine, POLICY_IDS, type PolicyId, receivingOrgCompliance, seedCompliancePack, supportingOrgCompliance, worstFirst } from '../../../rules'
import { DomainError } from '../../domain/errors'
import { lastDayOf } from '../../time/days'
import { officeScope, type Viewer } from '../office/office-scope'
import { type MonthData, receivingFacts, supportingFacts } from './build-facts'
import { tenantSuccessors } from '../policy/successors'

/** What a viewer may see of 达标: an office its subtree, an admin the tenant, a director their own hospital. */
export interface ComplianceScope {
  orgIds: Set<string>
  heading: string
}

/** Offices and admins as for 统计; a director (院长) sees the hospitals they direct; anyone else is refused. */
export async function complianceScope(db: Db, tenantId: string, viewer: Viewer): Promise<ComplianceScope> {
  try {
    const scope = await officeScope(db, tenantId, viewer)
    return { orgIds: scope.orgIds, heading: scope.tenantWide ? '全部单位' : `${scope.roots.map((id) => scope.orgNames.get(id)).join('、')}及下属单位` }
  } catch (error) {
    if (!(error instanceof DomainError) || viewer.kind !== 'person') throw error
    const directed = await db
      .select({ orgId: roleAssignments.orgId })
      .from(roleAssignments)
      .where(and(eq(roleAssignments.tenantId, tenantId), eq(roleAssignments.personId, viewer.personId), eq(roleAssignments.role, 'director')))
    if (directed.length === 0) throw error
    const names = new Map((await complianceOrgs(db, tenantId)).map((o) => [o.id, o.name]))
    return { orgIds: new Set(directed.map((d) => d.orgId)), heading: directed.map((d) => names.get(d.orgId) ?? d.orgId).join('、') }
  }
}

/** An org's lines under every policy it works under, the worst first; orgs ordered by their worst line. */
export interface OrgCompliance {
  orgId: string
  orgName: string
  lines: ComplianceLine[]
}

export interface ComplianceMonth {
  month: string
  asOf: string
  orgs: OrgCompliance[]
}

const isPolicy = (id: string): id is PolicyId => (POLICY_IDS as readonly string[]).includes(id)

/**
 * 达标 for a month, read in the caller's transaction: every receiving org with a posting or a support pair that month
 * and every supporting hospital that sends to one, judged under each policy it works under. In the running month the
 * team is counted today and targets are still open; a past month is counted on its last day.
 */
export async function loadCompliance(
  db: Db,
  input: {
    tenantId: string
    month: string
    today: string
    orgIds: Set<string> | null
    /** Present days per posting with any recorded day, where the caller has read the month's attendance already. */
    present?: MonthData['present']
  },
): Promise<ComplianceMonth> {
  const { tenantId, month } = input
  const first = `${month}-01`
  const last = lastDayOf(month)
  const asOf = input.today < last ? (input.today < first ? first : input.today) : last
  const postings = await compliancePostings(db, tenantId, first, last)
  const pairs = await compliancePairs(db, tenantId, first, last)
  const earliest = [...pairs.map((p) => p.startsOn), `${month.slice(0, 4)}-01-01`].sort()[0]!
  const data: MonthData = {
    month,
    asOf,
    today: input.today,
    postings,
    orgs: new Map((await complianceOrgs(db, tenantId)).map((o) => [o.id, o])),
    pairs,
    reports: await reportsBetween(db, tenantId, earliest.slice(0, 7), month),
    present: input.present ?? (await presentDaysBetween(db, tenantId, first, last)),
  }
  const successors = await tenantSuccessors(db, tenantId)
  const visible = (id: string) => input.orgIds === null || input.orgIds.has(id)
  const receiving = new Set<string>()
  const supporting = new Set<string>()
  for (const x of [...postings, ...pairs]) {
    if (!isPolicy(x.policyId)) continue
    if (visible(x.receivingOrgId)) receiving.add(`${x.receivingOrgId} ${x.policyId}`)
    if (visible(x.supportingOrgId)) supporting.add(`${x.supportingOrgId} ${x.policyId}`)
  }
  const byOrg = new Map<string, ComplianceLine[]>()
  const add = (lines: ComplianceLine[]) => lines.forEach((l) => byOrg.set(l.orgId, [...(byOrg.get(l.orgId) ?? []), l]))
  for (const key of receiving) {
    const [orgId, policyId] = key.split(' ') as [string, PolicyId]
    add(receivingOrgCompliance(seedCompliancePack(policyId, successors), receivingFacts(data, orgId, policyId)))
  }
  for (const key of supporting) {
    const [orgId, policyId] = key.split(' ') as [string, PolicyId]
    add(supportingOrgCompliance(seedCompliancePack(policyId, successors), supportingFacts(data, orgId, policyId)))
  }
  const orgs = [...byOrg].map(([orgId, lines]) => ({ orgId, orgName: data.orgs.get(orgId)?.name ?? orgId, lines: lines.sort(worstFirst) }))
  orgs.sort((a, b) => worstFirst(a.lines[0]!, b.lines[0]!) || a.orgName.localeCompare(b.orgName, 'zh'))
  return { month, asOf, orgs }
}
