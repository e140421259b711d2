import { type Check, SERVICE_KIND_TEXT, type Source, TITLE_TEXT } from '../../rules'
import type { PromotionStatus } from './promotion'

const MARK = { passed: '✓', failed: '✗', unknown: '？' } as const
const cite = (s: Source) => `${s.document} ${s.clause}：“${s.quote}”`

function checkLine(c: Check): string {
  return `${MARK[c.status]} ${c.reason}（依据：${cite(c.source)}）`
}

/**
 * 我的 answers the promotion question from the service-credit evaluator: service credited so far, what the pack
 * requires for the next title, whether it is met, and what is missing — each with its clause.
 */
export function promotionLines(p: PromotionStatus, lang: 'zh' | 'en'): string[] {
  const { answer } = p
  if (!answer.covered) {
    const reason = answer.checks[0]?.reason ?? ''
    return lang === 'en' ? [`Promotion: this policy is not in force today (${reason}).`] : [`职称晋升：本政策今天不在有效期内，无法判断（${reason}）。`]
  }
  const target = p.targetTitle ? TITLE_TEXT[p.targetTitle] : null
  const outcome = answer.outcome === true ? (lang === 'en' ? 'met' : '已满足') : answer.outcome === false ? (lang === 'en' ? 'not met' : '未满足') : lang === 'en' ? 'not settled yet' : '尚不能确定'
  const lines: string[] = []
  if (lang === 'en') {
    lines.push(`Promotion${target ? ` to ${p.targetTitle}` : ''}: service condition ${outcome}. Credited so far: ${answer.creditedDays} day(s); longest continuous stay ${p.longestMonths} month(s).`)
  } else {
    lines.push(`职称晋升${target ? `（拟晋升${target}）` : ''}：对口支援服务条件${outcome}。已认可服务 ${answer.creditedDays} 天；最长一次连续驻点 ${p.longestMonths} 个月。`)
  }
  // The pack's own conditions, each with its clause (the period check is implied by the answer being covered).
  for (const c of answer.checks.filter((c) => c.name !== 'period')) lines.push(checkLine(c))
  // Stints that do not count yet, and why: a running one not long enough, a failed assessment, a fact not on record.
  for (const r of answer.records) {
    if (r.status === 'credited') continue
    const stint = p.stints[r.index]!
    const where = `${stint.receivingOrgName} ${stint.from} 至 ${stint.running ? '今' : stint.to}`
    for (const c of r.checks.filter((c) => c.status !== 'passed')) {
      if (c.name === 'assessed' && c.status === 'failed') lines.push(`✗ ${where} 的派驻考核不合格，这段服务不计入（依据：${cite(c.source)}）`)
      else if (c.name === 'assessed' && stint.running) lines.push(`？ ${where}（进行中）：期满考核合格后才能计入（依据：${cite(c.source)}）`)
      else if (c.name === 'continuous' && stint.running) {
        const span = /^连续不足([^：]+)/.exec(c.reason)?.[1] ?? ''
        lines.push(`？ ${where}（进行中，已连续 ${stint.days} 天）：连续满${span}后才计入，计划至 ${stint.plannedEnd}（依据：${cite(c.source)}）`)
      }
      else lines.push(`${MARK[c.status]} ${where}：${c.reason}（依据：${cite(c.source)}）`)
    }
  }
  for (const o of answer.obligations) lines.push(checkLine(o))
  // Other service the text counts (Henan: 援外、援藏、援疆、扶贫) is not kept here: say so rather than leave it out silently.
  const otherKinds = answer.records.flatMap((r) => r.checks).find((c) => c.name === 'kind' && /援外/.test(c.source.quote))
  if (otherKinds) {
    lines.push(
      lang === 'en'
        ? `Only counterpart-support postings are on record here; other service the text counts must be proven to your office (${cite(otherKinds.source)}).`
        : `本系统只记录对口支援派驻；${SERVICE_KIND_TEXT.aidForeign}、${SERVICE_KIND_TEXT.aidTibet}、${SERVICE_KIND_TEXT.aidXinjiang}、${SERVICE_KIND_TEXT.povertyAlleviation}等经历按文件也可计入，请向医务科提供证明（依据：${cite(otherKinds.source)}）。`,
    )
  }
  for (const n of answer.notes) lines.push(`注：${n.text}（${n.source.document} ${n.source.clause}）`)
  return lines
}
