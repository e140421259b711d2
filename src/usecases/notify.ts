import type { Db } from '../../db/client'
import { identitiesOf } from '../../db/repositories/identities'
import type { Platform } from '../domain/platform'
import type { Reply } from '../domain/reply'
import { queueReply } from './queue-reply'

const RECIPIENT_PREFIX: Record<Platform, string> = { feishu: 'open_id:', wecom: 'user:', console: 'person:' }

/**
 * Queues a notice to a person on the platform the cause came from when they have an account there, else on their
 * first chat account; a person with none (or a console cause) gets it in the console inbox.
 */
export async function notifyPerson(
  db: Db,
  notice: { tenantId: string; personId: string; prefer: Platform; reply: Reply; key: string; at: Date },
): Promise<void> {
  const accounts = (await identitiesOf(db, notice.tenantId, notice.personId)).filter((a) => a.platform !== 'console')
  const account = notice.prefer === 'console' ? undefined : (accounts.find((a) => a.platform === notice.prefer) ?? accounts[0])
  const platform: Platform = account?.platform ?? 'console'
  const recipient = `${RECIPIENT_PREFIX[platform]}${account?.externalId ?? notice.personId}`
  await queueReply(db, { tenantId: notice.tenantId, platform, recipient, reply: notice.reply, key: notice.key }, notice.at)
}
