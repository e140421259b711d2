import type { Reply } from '../../domain/reply'

const TEMPLATE: Record<Reply['tone'], string> = { info: 'blue', success: 'green', warning: 'orange', error: 'red' }

/** A titled reply becomes a card (JSON 2.0); a plain one a text message. Returns Feishu's `msg_type` and `content`. */
export function renderFeishuReply(reply: Reply): { msgType: 'text' | 'interactive'; content: string } {
  if (!reply.title) return { msgType: 'text', content: JSON.stringify({ text: reply.text }) }
  const card = {
    schema: '2.0',
    header: { title: { tag: 'plain_text', content: reply.title }, template: TEMPLATE[reply.tone] },
    body: { elements: [{ tag: 'markdown', content: reply.text }] },
  }
  return { msgType: 'interactive', content: JSON.stringify(card) }
}
