import type { InboundMessage } from '../../domain/inbound'
import type { Lang } from '../../domain/command'
import type { Reply } from '../../domain/reply'
import type { UseCaseDeps } from '../deps'
import { findSender } from '../find-sender'
import { notRegisteredReply } from '../replies'
import type { ImportKind } from '../import/types'
import { type ChatAttachment, MAX_CHAT_IMPORT_BYTES, mayImport } from './fetch-file'
import { previewChatImport } from './preview'

export function notAllowedReply(lang: Lang): Reply {
  return lang === 'en'
    ? { tone: 'warning', text: 'Importing rosters in chat is for programme offices (health commission, 医务科) and administrators only. Please ask your office.' }
    : { tone: 'warning', text: '通过聊天导入名单仅对卫健委、医务科等管理办公室人员和管理员开放。如需导入，请联系所在单位医务科。' }
}

const captionKind = (text: string): ImportKind | undefined => (/对口关系/.test(text) ? 'zhejiang-pairs' : /名单|花名册/.test(text) ? 'roster' : undefined)

/** A file sent to the bot: refused, or previewed as an import (see previewChatImport). */
export async function answerChatFile(deps: UseCaseDeps, message: InboundMessage & { file: NonNullable<InboundMessage['file']> }, attachment: ChatAttachment | undefined): Promise<Reply> {
  const person = await findSender(deps, message)
  if (!person) return notRegisteredReply('zh')
  // Checked again here, in the transaction that would store the preview.
  if (!(await mayImport(deps, message.tenantId, person.id))) return notAllowedReply('zh')
  switch (attachment?.outcome) {
    case 'fetched':
      return previewChatImport(deps, {
        tenantId: message.tenantId,
        personId: person.id,
        platform: message.platform,
        eventId: message.eventId,
        fileName: message.file.name,
        bytes: attachment.bytes,
        kind: captionKind(message.text),
      })
    case 'notAllowed':
      return notAllowedReply('zh')
    case 'unsupported':
      return { tone: 'warning', text: `${message.file.name} 不是可导入的文件。请发送 .xlsx 或 .csv 格式的名单或对口关系表。` }
    case 'tooLarge':
      return { tone: 'warning', text: `${message.file.name} 超过 ${MAX_CHAT_IMPORT_BYTES / 1024 / 1024} MB，无法在聊天中导入。请拆分后分别发送，或请系统管理员用命令行导入。` }
    default:
      return { tone: 'warning', text: `暂时无法取得 ${message.file.name}，请稍后重新发送。` }
  }
}
