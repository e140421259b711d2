import { findActivePosting } from '../../../db/repositories/postings'
import type { Lang } from '../../domain/command'
import type { Reply } from '../../domain/reply'
import { shanghaiDate } from '../../time/shanghai'
import type { UseCaseDeps } from '../deps'
import { directorView } from './director-view'

/** 我的 for a director who is not posted themselves: their hospital's view; null when 我的 should show a posting. */
export async function directorMe(deps: UseCaseDeps, input: { tenantId: string; personId: string; lang: Lang }): Promise<Reply | null> {
  const today = shanghaiDate(deps.clock.now())
  if (await findActivePosting(deps.db, input.tenantId, input.personId, today)) return null
  return directorView(deps, input)
}
