import type { Lang } from '../../domain/command'
import type { Platform } from '../../domain/platform'
import type { Reply } from '../../domain/reply'

/**
 * 驳回 without a reason is not applied: the requester would read only “未获批准”. The approver is asked for the
 * reason; Feishu shows a form for it (a click on the 驳回 button lands here), other platforms get the line to type.
 */
export function rejectReasonReply(number: number, platform: Platform, lang: Lang): Reply {
  const en = lang === 'en'
  const withForm = platform === 'feishu'
  const line = en ? `reject ${number} <reason>` : `驳回 ${number} 理由`
  const text = en
    ? `Please give the reason for rejecting #${number}; the requester will see it. Send: ${line}${withForm ? ', or fill in the form below.' : '.'} Nothing was changed yet.`
    : `请写明驳回 #${number} 的理由，申请人会看到。请发送：${line}${withForm ? '，或填写下方表单。' : '。'}目前尚未驳回。`
  return {
    tone: 'info',
    title: en ? `Reject #${number}` : `驳回 #${number}`,
    text,
    ...(withForm
      ? { form: { fields: [{ name: 'reason', label: en ? 'Reason' : '驳回理由', kind: 'text' as const, required: true }], command: `驳回 ${number} {reason}`, submitLabel: en ? 'Reject' : '驳回' } }
      : {}),
  }
}
