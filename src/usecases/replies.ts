import type { Platform } from '../domain/platform'
import { citation, POLICY_META, type PolicyId } from '../../rules'
import type { Lang } from '../domain/command'
import type { DomainError } from '../domain/errors'
import type { Reply } from '../domain/reply'
import { shanghaiTime } from '../time/shanghai'
import { minimumLengthLine } from './attendance/minimum-length'
import { progressLine } from './attendance/progress'
import { promotionLines } from './promotion-reply'
import { pendingLines } from './my-status-lines'
import { type LocationProof, MAX_CHECKIN_DISTANCE_KM } from './location-proof'
import type { checkIn } from './check-in'
import type { checkOut } from './check-out'
import type { myStatus } from './my-status'

type Result<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>

const policyName = (id: string, lang: Lang) => {
  const meta = POLICY_META[id as PolicyId]
  if (!meta) return id
  return lang === 'zh' ? `${meta.shortName}（${meta.document}）` : `${meta.shortName} (${meta.document})`
}

export function notRegisteredReply(lang: Lang): Reply {
  return lang === 'en'
    ? { tone: 'warning', text: 'You are not registered with duikou yet. Please ask your office (医务科 or health commission) to add you.' }
    : { tone: 'warning', text: '您还没有在对口支援助手中登记。请联系所在单位医务科或卫生健康委添加您的信息后再试。' }
}

/** A redelivery whose first delivery is still being answered elsewhere; the first one's reply is what counts. */
export function duplicateReply(lang: Lang): Reply {
  return lang === 'en' ? { tone: 'info', text: 'This message was already received.' } : { tone: 'info', text: '该消息已收到，正在处理。' }
}

/**
 * A message that still failed after every retry (about half an hour): the sender learns that it did nothing, instead
 * of waiting for an answer that will not come. `quote` is the start of what they sent, or '' for a location.
 */
export function unhandledReply(lang: Lang, sent: { quote: string; at: string; retried?: boolean }): Reply {
  // A message that was not retried failed for what it says: sending it again unchanged will not help.
  const retried = sent.retried ?? true
  return lang === 'en'
    ? { tone: 'error', text: `Sorry: your message${sent.quote ? ` “${sent.quote}”` : ''} sent at ${sent.at} ${retried ? 'failed several times and ' : ''}was not carried out. ${retried ? 'Please send it again later' : 'Please check what it says and send it again'}; if it fails again, contact your office or administrator.` }
    : { tone: 'error', text: `抱歉，您 ${sent.at} 发送的${sent.quote ? `“${sent.quote}”` : '消息'}${retried ? '多次处理失败' : '无法处理'}，未能执行。${retried ? '请稍后重新发送' : '请检查内容后重新发送'}；如仍不成功，请联系医务科或系统管理员。` }
}

export function tenantUnknownReply(lang: Lang, platform: Platform): Reply {
  // On the console the one asking is whoever runs this machine: tell them what to run instead.
  if (platform === 'console')
    return lang === 'en'
      ? { tone: 'warning', text: 'This database holds no data for the console yet. Stop the server and run npm run seed:demo, or delete .data/ and run npm start: local trial mode loads the demo by itself.' }
      : { tone: 'warning', text: '本机数据库里还没有演示数据。请先停止服务并运行 npm run seed:demo；或删除 .data/ 后重新 npm start，本地试用模式会自动载入演示数据。' }
  return lang === 'en'
    ? { tone: 'warning', text: 'This workspace is not set up in duikou yet. Please ask your office or administrator to set it up.' }
    : { tone: 'warning', text: '本单位尚未开通对口支援助手。请联系医务科或系统管理员开通后再试。' }
}

export function domainErrorReply(error: DomainError, lang: Lang): Reply {
  const d = error.details
  const zh: Record<DomainError['code'], string> = {
    not_registered: notRegisteredReply('zh').text,
    no_active_posting: '您目前没有派驻任务，无需签到。如有疑问，请联系所在单位医务科。',
    posting_not_started: `您的派驻（${d.org}）将于 ${d.startsOn} 开始，届时再签到即可。`,
    posting_ended: `您在${d.org}的派驻已于 ${d.endsOn} 结束，目前没有进行中的派驻任务。`,
    not_office: '统计和导出仅对卫健委、医务科等管理办公室人员开放。如需查看，请联系所在单位医务科。',
  }
  const en: Record<DomainError['code'], string> = {
    not_registered: notRegisteredReply('en').text,
    no_active_posting: 'You have no current posting, so there is nothing to check in to. Please ask your office if this is wrong.',
    posting_not_started: `Your posting at ${d.org} starts on ${d.startsOn}; please check in from then on.`,
    posting_ended: `Your posting at ${d.org} ended on ${d.endsOn}; you have no current posting.`,
    not_office: 'Statistics and exports are for programme offices (health commission, 医务科) only. Please ask your office.',
  }
  return { tone: 'warning', text: (lang === 'en' ? en : zh)[error.code] }
}

const km = (d: number) => (d < 10 ? d.toFixed(1) : d.toFixed(0))

/** What a location says about a check-in, as one line (empty when no location was paired). */
function proofLine(proof: LocationProof | null, org: string, lang: Lang): string {
  if (!proof) return ''
  if (proof.distanceKm === null) return lang === 'en' ? '\nLocation attached.' : '\n已附上签到位置。'
  if (proof.flagged) {
    return lang === 'en'
      ? `\nYour location is about ${km(proof.distanceKm)} km from ${org}, more than ${MAX_CHECKIN_DISTANCE_KM} km: the check-in is kept and flagged for the office to confirm.`
      : `\n定位距${org}约 ${km(proof.distanceKm)} 公里，超过 ${MAX_CHECKIN_DISTANCE_KM} 公里：本次签到已保留并标记，待医务科核实。`
  }
  return lang === 'en' ? `\nLocation attached (about ${km(proof.distanceKm)} km from ${org}).` : `\n已附上签到位置（距${org}约 ${km(proof.distanceKm)} 公里）。`
}

export function locationReply(r: { proof: LocationProof | null; org: string; windowMinutes: number }, lang: Lang): Reply {
  if (!r.proof) {
    return lang === 'en'
      ? { tone: 'info', text: `Location received. Send “checkin” within ${r.windowMinutes} minutes and it will be attached as proof.` }
      : { tone: 'info', text: `已收到位置。请在 ${r.windowMinutes} 分钟内发送“签到”，位置将作为签到凭证。` }
  }
  return { tone: r.proof.flagged ? 'warning' : 'success', text: proofLine(r.proof, r.org, lang).trim() }
}

export function checkInReply(result: Result<typeof checkIn>, lang: Lang): Reply {
  const time = shanghaiTime(result.checkInAt)
  const org = result.posting.receivingOrgName
  if (!result.first) {
    return lang === 'en'
      ? { tone: 'info', text: `You already checked in today at ${time} (${org}). Nothing was changed.` }
      : { tone: 'info', text: `您今天已于 ${time} 签到（${org}），无需重复签到。` }
  }
  const proof = proofLine(result.location, org, lang)
  const tone = result.location?.flagged ? 'warning' : 'success'
  return lang === 'en'
    ? { tone, text: `Checked in at ${time} on ${result.day}, ${org}.${proof}` }
    : { tone, text: `签到成功：${result.day} ${time}，${org}。${proof}` }
}

export function checkOutReply(result: Result<typeof checkOut>, lang: Lang): Reply {
  const time = shanghaiTime(result.checkOutAt)
  const previous = result.previousCheckOutAt ? shanghaiTime(result.previousCheckOutAt) : null
  const [month, day] = result.day.slice(5).split('-')
  const lines =
    previous === time
      ? [lang === 'en' ? `You already checked out at ${time}; nothing changed.` : `您已于 ${time} 签退，签退时间不变。`]
      : lang === 'en'
        ? [previous ? `Check-out updated to ${time} (was ${previous}).` : `Checked out at ${time} on ${result.day}.`]
        : [previous ? `签退时间已更新为 ${time}（原为 ${previous}）。` : `签退成功：${result.day} ${time}。`]
  if (!result.checkInAt) {
    lines.push(
      lang === 'en'
        ? `There is no check-in for today. If you were on duty, send: 补卡 ${month}-${day} <reason>`
        : `今天没有签到记录。如当天在岗，请发送：补卡 ${month}-${day} 事由`,
    )
  }
  return { tone: result.checkInAt ? 'success' : 'warning', text: lines.join('\n') }
}

export function myStatusReply(s: Result<typeof myStatus>, lang: Lang): Reply {
  const p = s.posting
  const todayLine =
    lang === 'en'
      ? s.todayCheckInAt
        ? `Today: checked in at ${shanghaiTime(s.todayCheckInAt)}${s.todayCheckOutAt ? `, checked out at ${shanghaiTime(s.todayCheckOutAt)}` : ', not checked out yet'}.`
        : 'Today: not checked in yet.'
      : s.todayCheckInAt
        ? `今天：${shanghaiTime(s.todayCheckInAt)} 签到${s.todayCheckOutAt ? `，${shanghaiTime(s.todayCheckOutAt)} 签退` : '，尚未签退'}。`
        : '今天：尚未签到。'
  const text =
    lang === 'en'
      ? [
          `Posting: ${p.supportingOrgName} → ${p.receivingOrgName}, ${p.startsOn} to ${p.endsOn} (day ${s.dayOfPosting} of ${s.postingDays}).`,
          `Policy: ${policyName(p.policyId, lang)}.`,
          `Days checked in: ${s.checkedInDays}${s.requests.punchedDays ? ` (incl. ${s.requests.punchedDays} by approved punch correction)` : ''}; leave ${s.leaveDays} day(s) approved${s.requests.leaveAhead ? ` (another ${s.requests.leaveAhead} approved day(s) ahead)` : ''}; unexcused absences ${s.unexcused}.`,
          ...pendingLines(s.requests.pending, 'en'),
          s.duty.known ? `Required: ${s.duty.text} (${citation(s.duty.source)}).` : s.duty.ended ? `Required: ${s.duty.ended.document} ended on ${s.duty.ended.lastDay}; please ask the medical affairs office which policy applies now.` : `Required: not judged — ${s.duty.reason}`,
          ...(s.duty.known ? [progressLine(s.duty.pattern, s, 'en')].filter((x): x is string => x !== null) : []),
          ...(s.assessment === 'failed' ? ['Assessment: failed (unexcused absences).'] : []),
          ...(s.minimum ? [minimumLengthLine(s.minimum, 'en')] : []),
          ...(s.promotion ? promotionLines(s.promotion, 'en') : []),
          todayLine,
        ]
      : [
          `当前派驻：${p.supportingOrgName} → ${p.receivingOrgName}，${p.startsOn} 至 ${p.endsOn}（第 ${s.dayOfPosting} / ${s.postingDays} 天）。`,
          `依据：${policyName(p.policyId, lang)}。`,
          `已签到 ${s.checkedInDays} 天${s.requests.punchedDays ? `（含补卡 ${s.requests.punchedDays} 天）` : ''}；请假 ${s.leaveDays} 天（已批准${s.requests.leaveAhead ? `，另有 ${s.requests.leaveAhead} 天尚未开始` : ''}）；脱岗 ${s.unexcused} 次。`,
          ...pendingLines(s.requests.pending, 'zh'),
          s.duty.known ? `要求：${s.duty.text}（${citation(s.duty.source)}）。` : s.duty.ended ? `要求：${s.duty.ended.document}已于${s.duty.ended.lastDay}结束，请联系医务科确认现行政策。` : `要求：暂不判定——${s.duty.reason}`,
          ...(s.duty.known ? [progressLine(s.duty.pattern, s, 'zh')].filter((x): x is string => x !== null) : []),
          ...(s.assessment === 'failed' ? ['考核：不合格（无正当理由脱岗）。'] : []),
          ...(s.minimum ? [minimumLengthLine(s.minimum, 'zh')] : []),
          ...(s.promotion ? promotionLines(s.promotion, 'zh') : []),
          todayLine,
        ]
  return { tone: 'info', title: lang === 'en' ? 'My posting' : '我的派驻', text: text.join('\n') }
}
