import { dates, POLICY_META, type PolicyId, SUPPORT_PERIODS, SUPPORT_RULES } from '../../../rules'
import type { Basis } from './plan-types'

export interface PolicyCycle {
  startsOn: string
  endsOn: string
  programme: string
  basis: Basis
}

/**
 * The support cycle a policy text sets, for pairs whose file gives no dates (the Zhejiang lists): the pack's period
 * as the rules core reads it (Zhejiang: 今后三年, 2014—2016) and the day agreements were due (四(一): 2014-02-15),
 * each with its clause — dates from the text, not invented here.
 */
export function policyCycle(policyId: PolicyId): PolicyCycle {
  const period = SUPPORT_PERIODS[policyId]
  const agreements = SUPPORT_RULES[policyId].calendar.find((entry) => entry.key === 'agreements')
  const due = agreements ? Object.values(agreements.due.values).find((v) => v.value?.kind === 'once') : undefined
  const dueDate = due?.value?.kind === 'once' ? due.value.date : null
  return {
    startsOn: period.from,
    endsOn: dates.addDays(period.until, -1),
    programme: POLICY_META[policyId].shortName,
    basis: {
      period: period.description,
      sources: [period.startSource, period.endSource, ...(due && dueDate ? [due.source] : [])],
      agreementsDueBy: dueDate,
    },
  }
}
