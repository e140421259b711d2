import { recordAudit } from '../../../db/repositories/audit'
import { lockTenantSuccessors, setSuccessorUntil, successorRow } from '../../../db/repositories/policy-successors'
import { chainOf, dates } from '../../../rules'
import type { UseCaseDeps } from '../deps'
import { fromRow, type StoredSuccessor, tenantSuccessors } from './successors'

export type EndSuccessorResult = { outcome: 'ended'; successor: StoredSuccessor } | { outcome: 'rejected'; problems: string[] } | { outcome: 'notFound' }

/**
 * Ends a successor on `on` (its last day, included). The row stays; the change is an audit entry with before and
 * after. A successor with a later one after it cannot move its end: that would open a gap or an overlap.
 */
export async function endSuccessor(
  deps: UseCaseDeps,
  input: { tenantId: string; id: string; on: string; actor: { personId: string | null; label: string | null } },
): Promise<EndSuccessorResult> {
  if (!dates.isValidIsoDate(input.on)) return { outcome: 'rejected', problems: [`“${input.on}”不是有效日期，请写 YYYY-MM-DD`] }
  return deps.db.transaction(async (tx) => {
    await lockTenantSuccessors(tx, input.tenantId)
    const row = await successorRow(tx, input.tenantId, input.id)
    const before = row && fromRow(row)
    if (!before) return { outcome: 'notFound' as const }
    if (input.on < dates.addDays(before.from, -1)) return { outcome: 'rejected' as const, problems: [`结束日 ${input.on} 早于该文件的开始日 ${before.from}`] }
    const later = chainOf(before.policy, await tenantSuccessors(tx, input.tenantId)).find((s) => s.from > before.from)
    if (later) return { outcome: 'rejected' as const, problems: [`其后已有延续文件 ${later.document}（自 ${later.from} 起），请先结束或核对它`] }
    const saved = fromRow(await setSuccessorUntil(tx, row.id, input.on))!
    await recordAudit(tx, {
      tenantId: input.tenantId,
      actorPersonId: input.actor.personId,
      actorLabel: input.actor.label,
      action: 'policy_successor.ended',
      entity: 'policy_successor',
      entityId: row.id,
      before,
      after: saved,
      at: deps.clock.now(),
    })
    return { outcome: 'ended' as const, successor: saved }
  })
}
