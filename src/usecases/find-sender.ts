import type { Db } from '../../db/client'
import { findPersonByIdentity } from '../../db/repositories/identities'
import type { InboundMessage } from '../domain/inbound'

/** The registered person behind a chat account: its id first, then the platform's other ids of it (Feishu union_id). */
export async function findSender(db: Db, message: Pick<InboundMessage, 'tenantId' | 'platform' | 'senderExternalId' | 'senderAliases'>) {
  for (const externalId of [message.senderExternalId, ...(message.senderAliases ?? [])]) {
    const person = await findPersonByIdentity(db, message.tenantId, message.platform, externalId)
    if (person) return person
  }
  return null
}
