import type { Reply } from '../../domain/reply'
import { buttonCard } from './card'

export type WecomContent =
  | { msgtype: 'text'; text: { content: string } }
  | { msgtype: 'template_card'; template_card: NonNullable<ReturnType<typeof buttonCard>> }

/**
 * A reply is a text message, a title set off as `【title】` on its first line. Not markdown: members who read the app
 * in WeChat (微信插件 / 微工作台) are shown text only, and markdown would also let names and report fields typed by
 * users change the formatting. A reply with buttons becomes a `button_interaction` template card when `taskId` is
 * given (message/send only: appchat/send takes no template cards, so a group chat reads the text, which says what to
 * type, e.g. "也可回复：批准 N"). WeCom has no forms: a reply's form is left out and its text gives the command to type.
 */
export function renderWecomReply(reply: Reply, options: { taskId?: string } = {}): WecomContent {
  const card = options.taskId && reply.actions?.length ? buttonCard(reply, options.taskId) : null
  if (card) return { msgtype: 'template_card', template_card: card }
  return { msgtype: 'text', text: { content: reply.title ? `【${reply.title}】\n${reply.text}` : reply.text } }
}
