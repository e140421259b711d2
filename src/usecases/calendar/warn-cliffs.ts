import { officeFor, postingsRunningOn } from '../../../db/repositories/absences'
import { yearEntered } from '../../../db/repositories/calendar'
import { continuedRules, dates, POLICY_IDS, POLICY_META, type PolicyId, valueAt } from '../../../rules'
import { libraryCoversYear } from '../../time/calendar'
import type { UseCaseDeps } from '../deps'
import { notifyPerson } from '../notify'
import { tenantSuccessors } from '../policy/successors'
import { calendarCliffNotice, policyCliffNotice } from './cliff-notices'

/** How far ahead the office hears of a cliff: a month, time enough to enter the notice or the successor. */
export const CLIFF_WARNING_DAYS = 30

/**
 * Warns a tenant's offices before judging stops: (a) from 30 days before a year whose holidays are neither in the
 * library nor entered; (b) from 30 days before the last day of a pack's (or successor's) period while a posting under
 * it runs past that day. Once per tenant and year, once per tenant and period end (the outbox key dedupes).
 */
export async function warnCliffs(deps: UseCaseDeps, input: { tenantId: string; day: string }): Promise<{ notices: number }> {
  const { tenantId, day } = input
  const at = deps.clock.now()
  return deps.db.transaction(async (tx) => {
    let notices = 0
    const running = await postingsRunningOn(tx, tenantId, day)
    const tell = async (orgId: string, reply: ReturnType<typeof calendarCliffNotice>, key: string) => {
      for (const personId of await officeFor(tx, tenantId, orgId)) {
        await notifyPerson(tx, { tenantId, personId, prefer: 'feishu', reply, key: `${key}:${personId}`, at })
        notices++
      }
    }
    const nextYear = Number(dates.addDays(day, CLIFF_WARNING_DAYS).slice(0, 4))
    if (!libraryCoversYear(nextYear) && !(await yearEntered(tx, tenantId, nextYear))) {
      const orgs = new Set(running.filter((p) => p.endsOn >= `${nextYear}-01-01`).map((p) => p.receivingOrgId))
      for (const orgId of orgs) await tell(orgId, calendarCliffNotice(nextYear), `calendar-cliff:${tenantId}:${nextYear}`)
    }
    const successors = await tenantSuccessors(tx, tenantId)
    const told = new Set<string>()
    for (const p of running) {
      if (!(POLICY_IDS as readonly string[]).includes(p.policyId)) continue
      const policyId = p.policyId as PolicyId
      const period = valueAt(continuedRules(policyId, successors).period, day)
      if (!period.covered || period.until === null) continue
      const nextDay = period.until
      if (p.endsOn < nextDay || day < dates.addDays(nextDay, -CLIFF_WARNING_DAYS)) continue
      const lastDay = dates.addDays(nextDay, -1)
      const key = `policy-cliff:${tenantId}:${policyId}:${lastDay}`
      if (told.has(`${key}:${p.receivingOrgId}`)) continue
      told.add(`${key}:${p.receivingOrgId}`)
      const document = period.source.continuedBy?.document ?? POLICY_META[policyId].document
      await tell(p.receivingOrgId, policyCliffNotice({ orgName: p.receivingOrgName, document, policyId, lastDay, nextDay, postingEndsOn: p.endsOn }), key)
    }
    return { notices }
  })
}
