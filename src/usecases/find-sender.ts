import { findPersonByIdentity } from '../../db/repositories/identities'
import type { InboundMessage } from '../domain/inbound'
import type { UseCaseDeps } from './deps'

/** The registered person behind a chat account: its id first, then the platform's other ids of it (Feishu union_id). */
export async function findSender(deps: UseCaseDeps, message: Pick<InboundMessage, 'tenantId' | 'platform' | 'senderExternalId' | 'senderAliases'>) {
  if (deps.roster) return deps.roster.sender(message)
  for (const externalId of [message.senderExternalId, ...(message.senderAliases ?? [])]) {
    const person = await findPersonByIdentity(deps.db, message.tenantId, message.platform, externalId)
    if (person) return person
  }
  return null
}
