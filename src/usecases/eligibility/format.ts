import { citation as cite, FIELD_LABELS, type EligibilityResult, type Statement } from '../../../rules'
import type { Lang } from '../../domain/command'

const MARK = { true: '✅', false: '❌', unknown: '❔' } as const
const mark = (r: EligibilityResult) => MARK[String(r.eligible) as keyof typeof MARK]

/** `依据：豫卫发〔2015〕2号 附件2 三(一) “…”` — every reason a user reads names its clause and quotes it. */
export function citation(s: Statement, lang: Lang): string {
  const { quote } = s.source
  const by = s.source.continuedBy
  if (lang === 'en') return `Source: ${s.source.document} ${s.source.clause} “${quote}”${by && by.document !== s.source.document ? `, continued by ${by.document} from ${by.from}` : ''}`
  return `依据：${cite(s.source)}“${quote}”`
}

const missingList = (r: EligibilityResult) => r.missing.map((f) => FIELD_LABELS[f]).join('、')

/** One programme in full: verdict, every reason with its clause, what is missing, what to confirm, duties and benefits. */
export function formatDetailed(r: EligibilityResult, lang: Lang): string {
  const en = lang === 'en'
  const verdict = r.eligible === true ? (en ? 'eligible' : '符合') : r.eligible === false ? (en ? 'not eligible' : '不符合') : en ? 'not yet decidable' : '尚不能确定'
  const lines = [`${mark(r)} ${r.name}：${verdict}`]
  for (const reason of r.reasons) lines.push(`  · ${reason.text}`, `    ${citation(reason, lang)}`)
  if (r.missing.length) lines.push(en ? `  Still needed: ${missingList(r)}` : `  还需要提供：${missingList(r)}`)
  const section = (title: string, items: readonly Statement[]) => {
    if (items.length === 0) return
    lines.push(`  ${title}`)
    for (const item of items) lines.push(`  · ${item.text}（${item.source.clause}）`)
  }
  section(en ? 'Please confirm yourself:' : '请自行确认：', r.attestations)
  section(en ? 'Obligations:' : '须履行的义务：', r.obligations)
  section(en ? 'Benefits:' : '可享受的待遇：', r.benefits)
  return lines.join('\n')
}

/** Many programmes at a glance: eligible ones first, then the first failed condition of each, then the open ones. */
export function formatSummary(all: EligibilityResult[], on: string, lang: Lang): string {
  const en = lang === 'en'
  const lines = [en ? `Eligibility on ${on}:` : `资格评估结果（按 ${on} 的政策）：`]
  const { results, ended } = foldEnded(all, lang)
  lines.push(...ended)
  const group = (outcome: EligibilityResult['eligible'], title: string, detail: (r: EligibilityResult) => string[]) => {
    const members = results.filter((r) => r.eligible === outcome)
    if (members.length === 0) return
    lines.push('', `${title}（${members.length}）`)
    for (const r of members) lines.push(...detail(r))
  }
  group(true, en ? 'Eligible' : '符合', (r) => [`${mark(r)} ${r.name}`])
  group(false, en ? 'Not eligible' : '不符合', (r) => {
    const first = r.reasons[0]
    return first ? [`${mark(r)} ${r.name}：${first.text}`, `   ${citation(first, lang)}`] : [`${mark(r)} ${r.name}`]
  })
  group('unknown', en ? 'Open' : '尚不能确定', (r) => [`${mark(r)} ${r.name}：${en ? 'needs' : '还需要'} ${missingList(r)}`])
  if (results.length === 0) lines.push('', en ? 'No programme runs on that day.' : '该日期没有正在实施的计划。')
  if (results.length > 1) lines.push('', en ? 'Ask about one programme for its clauses, duties and benefits, e.g. “eligibility 特岗全科”.' : '发送“资格 计划名称”（如“资格 特岗全科”）查看某一计划的全部条件、义务和待遇。')
  return lines.join('\n')
}

export function formatResults(results: EligibilityResult[], on: string, lang: Lang): string {
  if (results.length === 1) return `${lang === 'en' ? `Eligibility on ${on}:` : `资格评估结果（按 ${on} 的政策）：`}\n${formatDetailed(results[0]!, lang)}`
  return formatSummary(results, on, lang)
}

/**
 * Programmes whose period is over on the asked day, one line per document ("豫卫发〔2015〕2号的各计划已于2020-12-31
 * 结束…"); the rest are listed in full.
 */
function foldEnded(results: EligibilityResult[], lang: Lang): { results: EligibilityResult[]; ended: string[] } {
  const byDocument = new Map<string, Set<string>>()
  const running: EligibilityResult[] = []
  for (const r of results) {
    const period = r.checks[0]
    if (period?.name !== 'period' || !period.endedOn) {
      running.push(r)
      continue
    }
    const document = period.source.continuedBy?.document ?? period.source.document
    byDocument.set(document, (byDocument.get(document) ?? new Set()).add(period.endedOn))
  }
  const ended = [...byDocument].map(([document, days]) => {
    const when = [...days].sort().join('、')
    return lang === 'en'
      ? `The programmes of ${document} ended on ${when}; send “eligibility <programme> <date>” to check one against that year's conditions.`
      : `${document}的各计划已于${when}结束；发送“资格 计划名 日期”可按当年条件评估`
  })
  return { results: running, ended }
}
