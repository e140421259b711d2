import { officeFor, postingFacts } from '../../../db/repositories/absences'
import { postingIdsEndingOn } from '../../../db/repositories/attendance-counted'
import { citation, type Source } from '../../../rules'
import type { Reply } from '../../domain/reply'
import { addDays } from '../../time/days'
import type { UseCaseDeps } from '../deps'
import { notifyPerson } from '../notify'
import { tenantSuccessors } from '../policy/successors'
import { dutyOf } from './duty'
import { minimumLength, minimumLengthLine } from './minimum-length'
import { weeksOnSite } from './weeks-on-site'

/**
 * The day after a posting's last day: the doctor is told once whether it met its minimum length, and under Sichuan's
 * 副高+ pattern whether the weeks on site added up to “累计驻点工作时间不少于12周” (a shortfall goes to the office too),
 * each with its clause. Keyed per posting, so a re-run or a caught-up day tells nobody twice.
 */
export async function reviewPostingEnd(deps: UseCaseDeps, input: { tenantId: string; day: string }) {
  const { tenantId, day } = input
  const now = deps.clock.now()
  const successors = await tenantSuccessors(deps.db, tenantId)
  let told = 0
  for (const postingId of await postingIdsEndingOn(deps.db, tenantId, day)) {
    const posting = await postingFacts(deps.db, postingId)
    const duty = dutyOf(posting, day, successors)
    if (!duty.known) continue
    const lines: string[] = []
    const minimum = minimumLength(duty, posting, addDays(day, 1))
    if (minimum) lines.push(minimumLengthLine(minimum, 'zh'))
    let short = false
    if (duty.pattern.kind === 'weeksPerMonth') {
      const weeks = await weeksOnSite(deps.db, tenantId, postingId, posting.startsOn, posting.endsOn)
      short = weeks < duty.pattern.minWeeksTotal
      lines.push(weeksLine(weeks, duty.pattern.minWeeksTotal, duty.source))
    }
    if (lines.length === 0) continue
    const reply: Reply = {
      tone: short || minimum?.met === 'no' ? 'warning' : 'success',
      title: '派驻期满',
      text: `${posting.personName}（${posting.supportingOrgName} 派驻 ${posting.receivingOrgName}，${posting.startsOn} 至 ${posting.endsOn}）派驻期满：\n${lines.join('\n')}`,
    }
    const recipients = short ? [posting.personId, ...(await officeFor(deps.db, tenantId, posting.receivingOrgId))] : [posting.personId]
    for (const personId of new Set(recipients)) {
      await notifyPerson(deps.db, { tenantId, personId, prefer: 'feishu', reply, key: `posting-end:${postingId}:${personId}`, at: now })
    }
    told++
  }
  return { day, told }
}

function weeksLine(weeks: number, required: number, source: Source): string {
  const verdict = weeks >= required ? '已达到' : '未达到'
  return `累计驻点 ${weeks}/${required} 周（整周每个工作日均签到计 1 周），${verdict}（依据：${citation(source)}：“${source.quote}”）。`
}
