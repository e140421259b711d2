import { recordAudit } from '../../../db/repositories/audit'
import { insertSuccessor, lockTenantSuccessors } from '../../../db/repositories/policy-successors'
import { tenantExists } from '../../../db/repositories/tenants'
import { OVERRIDABLE, Successor, successorProblems } from '../../../rules'
import type { UseCaseDeps } from '../deps'
import { fromRow, type StoredSuccessor, tenantSuccessors } from './successors'

export type ContinuePolicyResult =
  | { outcome: 'entered' | 'valid'; dryRun: boolean; successor: StoredSuccessor | Successor }
  | { outcome: 'rejected'; problems: string[] }
  | { outcome: 'unknownTenant' }

/** Zod's complaints about a successor body, as short sentences naming the field. */
export function shapeProblems(error: { issues: { path: PropertyKey[]; message: string }[] }): string[] {
  return error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
}

/**
 * 政策延续: enters a successor document for a pack, after checking it against the pack and the tenant's other
 * successors; `dryRun` only checks. One transaction: the row and its audit entry, or nothing.
 */
export async function continuePolicy(
  deps: UseCaseDeps,
  input: { tenantId: string; body: unknown; dryRun: boolean; actor: { personId: string | null; label: string | null } },
): Promise<ContinuePolicyResult> {
  const parsed = Successor.safeParse(input.body)
  if (!parsed.success) return { outcome: 'rejected', problems: shapeProblems(parsed.error) }
  const candidate = parsed.data
  // A value that came in as text (the CLI's --set) is read the way the parameter's own parser reads it.
  const overrides = candidate.overrides?.map((o) => {
    const def = OVERRIDABLE[candidate.policy].find((d) => d.name === o.parameter)
    return def && typeof o.value === 'string' ? { ...o, value: def.fromText(o.value) } : o
  })
  const successor: Successor = { ...candidate, ...(overrides ? { overrides } : {}) }
  return deps.db.transaction(async (tx) => {
    if (!(await tenantExists(tx, input.tenantId))) return { outcome: 'unknownTenant' as const }
    await lockTenantSuccessors(tx, input.tenantId)
    const problems = successorProblems(successor, await tenantSuccessors(tx, input.tenantId))
    if (problems.length) return { outcome: 'rejected' as const, problems }
    if (input.dryRun) return { outcome: 'valid' as const, dryRun: true, successor }
    const row = await insertSuccessor(tx, {
      tenantId: input.tenantId,
      policyId: successor.policy,
      document: successor.document,
      title: successor.title,
      issuedOn: successor.issuedOn,
      fromDay: successor.from,
      untilDay: successor.until,
      clause: successor.clause,
      quote: successor.quote,
      programmes: successor.programmes ?? null,
      overrides: successor.overrides ?? null,
    })
    const saved = fromRow(row)!
    await recordAudit(tx, {
      tenantId: input.tenantId,
      actorPersonId: input.actor.personId,
      actorLabel: input.actor.label,
      action: 'policy_successor.entered',
      entity: 'policy_successor',
      entityId: row.id,
      before: null,
      after: saved,
      at: deps.clock.now(),
    })
    return { outcome: 'entered' as const, dryRun: false, successor: saved }
  })
}
