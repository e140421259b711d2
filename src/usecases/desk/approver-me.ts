import { orgTree } from '../../../db/repositories/month-records'
import { findActivePosting, findUpcomingPosting } from '../../../db/repositories/postings'
import { rolesOfPerson } from '../../../db/repositories/roles-of'
import type { Lang } from '../../domain/command'
import type { Reply } from '../../domain/reply'
import { shanghaiDate } from '../../time/shanghai'
import type { UseCaseDeps } from '../deps'
import { pendingDesk } from './pending-desk'

/**
 * 我的 for an approver who is neither posted (now or later) nor a director: where they approve and what waits for
 * them, instead of “您目前没有派驻任务”. Null when 我的 should show a posting.
 */
export async function approverMe(deps: UseCaseDeps, input: { tenantId: string; personId: string; lang: Lang }): Promise<Reply | null> {
  const orgIds = (await rolesOfPerson(deps.db, input.tenantId, input.personId)).filter((r) => r.role === 'approver').map((r) => r.orgId)
  if (!orgIds.length) return null
  const today = shanghaiDate(deps.clock.now())
  if (await findActivePosting(deps.db, input.tenantId, input.personId, today)) return null
  if (await findUpcomingPosting(deps.db, input.tenantId, input.personId, today)) return null
  const names = new Map((await orgTree(deps.db, input.tenantId)).map((o) => [o.id, o.name]))
  const orgs = [...new Set(orgIds)].map((id) => names.get(id) ?? id)
  const desk = await pendingDesk(deps, input)
  const en = input.lang === 'en'
  const intro = en
    ? `You approve for ${orgs.join(', ')} (you have no posting, so no check-in is needed).`
    : `您是${orgs.join('、')}的审批人（本人没有派驻任务，无需签到）。`
  const waiting = desk.title ? `${desk.title}\n${desk.text}` : desk.text
  const more = en ? 'Send “pending” at any time for this list.' : '随时发送“待办”可查看此列表。'
  return { tone: 'info', title: en ? 'Me' : '我的', text: `${intro}\n\n${waiting}\n\n${more}`, ...(desk.actions?.length ? { actions: desk.actions } : {}) }
}
