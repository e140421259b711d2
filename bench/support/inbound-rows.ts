import type { InboundRow } from '../../db/repositories/inbox'
import { benchOpenId } from './doctors'

/** The inbox rows of `count` seeded doctors' Feishu messages `text`, received at `at`, as the webhook stores them. */
export function inboundRows(label: string, text: string, at: Date, count: number): InboundRow[] {
  return Array.from({ length: count }, (_, i) => {
    const eventId = `message:om_${label}_${i}`
    return {
      tenantId: 'demo',
      platform: 'feishu' as const,
      eventId,
      sender: `demo:${benchOpenId(i)}`,
      receivedAt: at,
      message: { platform: 'feishu', tenantId: 'demo', eventId, alsoKnownAs: [`event:e_${label}_${i}`], senderExternalId: benchOpenId(i), senderAliases: [`on_${benchOpenId(i)}`], text, replyTo: `chat_id:oc_${i}` },
    }
  })
}
