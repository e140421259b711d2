import type { Reply } from '../../domain/reply'

export type WecomContent = { msgtype: 'text'; text: { content: string } } | { msgtype: 'markdown'; markdown: { content: string } }

// WeCom markdown knows three font colours: info (green), comment (grey) and warning (orange-red).
const TITLE_COLOUR: Record<Reply['tone'], string | null> = { info: null, success: 'info', warning: 'warning', error: 'warning' }

/**
 * A plain reply is a text message; a titled one markdown with the title as a heading. Buttons and forms wait for
 * template cards; until then the words of the reply are what a member reads (the approval notice already says
 * "也可回复：批准 N").
 */
export function renderWecomReply(reply: Reply): WecomContent {
  if (!reply.title) return { msgtype: 'text', text: { content: reply.text } }
  const colour = TITLE_COLOUR[reply.tone]
  const title = colour ? `<font color="${colour}">${reply.title}</font>` : reply.title
  return { msgtype: 'markdown', markdown: { content: `### ${title}\n${reply.text}` } }
}
