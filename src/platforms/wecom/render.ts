import type { Reply } from '../../domain/reply'
import { buttonCard } from './card'

export type WecomContent =
  | { msgtype: 'text'; text: { content: string } }
  | { msgtype: 'markdown'; markdown: { content: string } }
  | { msgtype: 'template_card'; template_card: NonNullable<ReturnType<typeof buttonCard>> }

// WeCom markdown knows three font colours: info (green), comment (grey) and warning (orange-red).
const TITLE_COLOUR: Record<Reply['tone'], string | null> = { info: null, success: 'info', warning: 'warning', error: 'warning' }

/**
 * A plain reply is a text message; a titled one markdown with the title as a heading. A reply with buttons becomes a
 * `button_interaction` template card when `taskId` is given (message/send only: appchat/send takes no template
 * cards, so a group chat reads the text, which says what to type, e.g. "也可回复：批准 N"). WeCom has no forms:
 * a reply's form is left out and its text gives the command to type.
 */
export function renderWecomReply(reply: Reply, options: { taskId?: string } = {}): WecomContent {
  const card = options.taskId && reply.actions?.length ? buttonCard(reply, options.taskId) : null
  if (card) return { msgtype: 'template_card', template_card: card }
  if (!reply.title) return { msgtype: 'text', text: { content: reply.text } }
  const colour = TITLE_COLOUR[reply.tone]
  const title = colour ? `<font color="${colour}">${reply.title}</font>` : reply.title
  return { msgtype: 'markdown', markdown: { content: `### ${title}\n${reply.text}` } }
}
