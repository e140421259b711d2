import { z } from 'zod'
import { officeFor, postingsRunningOn } from '../../../db/repositories/absences'
import { orgNames, supportPairsRunningOn } from '../../../db/repositories/reminders'
import { holdersOf } from '../../../db/repositories/roles'
import { shanghaiDate } from '../../time/shanghai'
import type { UseCaseDeps } from '../deps'
import { notifyPerson } from '../notify'
import { deadlineReminder } from './notices'
import { tenantSuccessors } from '../policy/successors'
import { datedDeadlines } from './schedule'

/** A dated deadline's period, `<key>:<due>`, e.g. `yearSummary:2026-12-20`. */
export const DeadlinePeriod = z.string().regex(/^[A-Za-z0-9]+:\d{4}-\d{2}-\d{2}$/).transform((p) => {
  const [key, due] = p.split(':') as [string, string]
  return { key, due }
})

export interface DeadlineReminderResult {
  period: string
  policies: string[]
  notices: number
}

/**
 * Tells the office above each receiving org — and the hospitals' directors where the text makes the hospitals
 * answerable — that a deadline of a policy the tenant works under falls in 7 days, quoting the clause.
 */
export async function remindDeadline(deps: UseCaseDeps, input: { tenantId: string; period: string }): Promise<DeadlineReminderResult> {
  const { key, due } = DeadlinePeriod.parse(input.period)
  const { tenantId } = input
  const now = deps.clock.now()
  const today = shanghaiDate(now)
  return deps.db.transaction(async (tx) => {
    // The policies in force here: those of running support pairs and of running postings (a posting without a pair).
    const sides = new Map<string, { receiving: Set<string>; supporting: Set<string> }>()
    const running = [...(await supportPairsRunningOn(tx, tenantId, today)), ...(await postingsRunningOn(tx, tenantId, today))]
    for (const r of running) {
      const side = sides.get(r.policyId) ?? { receiving: new Set(), supporting: new Set() }
      side.receiving.add(r.receivingOrgId)
      side.supporting.add(r.supportingOrgId)
      sides.set(r.policyId, side)
    }
    const result: DeadlineReminderResult = { period: input.period, policies: [], notices: 0 }
    const deadlines = datedDeadlines(Number(due.slice(0, 4)), await tenantSuccessors(tx, tenantId)).filter((d) => d.date.key === key && d.date.due === due && sides.has(d.policyId))
    for (const { policyId, date } of deadlines) {
      const side = sides.get(policyId)!
      const recipients = new Set<string>()
      for (const orgId of side.receiving) for (const id of await officeFor(tx, tenantId, orgId)) recipients.add(id)
      const directorsOf = date.audience === 'receivingHospital' ? side.receiving : date.audience === 'supportingHospital' ? side.supporting : date.audience === 'hospital' ? new Set([...side.receiving, ...side.supporting]) : new Set<string>()
      for (const orgId of directorsOf) for (const id of await holdersOf(tx, tenantId, 'director', orgId)) recipients.add(id)
      const names = await orgNames(tx, [...side.receiving])
      const reply = deadlineReminder(date, today, [...names.values()])
      for (const personId of recipients) {
        await notifyPerson(tx, { tenantId, personId, prefer: 'feishu', reply, key: `deadline:${policyId}:${key}:${due}:${personId}`, at: now })
        result.notices++
      }
      result.policies.push(policyId)
    }
    return result
  })
}
