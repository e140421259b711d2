import { findPersonByIdentity } from '../../db/repositories/identities'
import { takeConsoleNotices } from '../../db/repositories/outbox'
import { Reply } from '../domain/reply'
import type { UseCaseDeps } from './deps'

/** Notices queued for the console user behind `handle` (approval requests, decisions), each handed out once. */
export async function consoleInbox(deps: UseCaseDeps, input: { tenantId: string; handle: string }): Promise<Reply[]> {
  const person = await findPersonByIdentity(deps.db, input.tenantId, 'console', input.handle)
  if (!person) return []
  const messages = await takeConsoleNotices(deps.db, `person:${person.id}`, deps.clock.now())
  return messages.flatMap((m) => {
    const parsed = Reply.safeParse((m as { reply?: unknown }).reply)
    return parsed.success ? [parsed.data] : []
  })
}
