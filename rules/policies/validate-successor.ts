import { addDays } from '../core/dates'
import type { Successor } from '../core/successor'
import { PROGRAMMES } from '../eligibility/evaluate'
import { chainOf, successorEnd } from './continued'
import { POLICY_META } from './meta'
import { OVERRIDABLE } from './overridable'
import { SUPPORT_PERIODS } from './periods'
import { SUPPORT_RULES } from './support-rules'

/** The programmes a pack defines (only Henan's 2015 text has application programmes). */
export function programmesOf(policy: Successor['policy']): string[] {
  return PROGRAMMES.filter((p) => p.id.startsWith(`${policy}/`)).map((p) => p.id)
}

/**
 * What is wrong with entering `candidate` beside the successors already entered, in short Chinese sentences (empty =
 * fine): dates in order, `from` right after the pack's period or the previous successor, no overlap, known programmes,
 * and overrides only of the parameters the pack declares overridable, with values their schema accepts.
 */
export function successorProblems(candidate: Successor, existing: readonly Successor[]): string[] {
  const problems: string[] = []
  const meta = POLICY_META[candidate.policy]
  if (candidate.until !== null && candidate.until < candidate.from) problems.push(`结束日 ${candidate.until} 早于开始日 ${candidate.from}`)

  const chain = chainOf(candidate.policy, existing)
  const last = chain.at(-1)
  const packEnd = SUPPORT_PERIODS[candidate.policy].until
  const overlapping = chain.find((s) => (s.until === null || s.until >= candidate.from) && (candidate.until === null || candidate.until >= s.from))
  if (overlapping) {
    const span = overlapping.until ? `${overlapping.from} 至 ${overlapping.until}` : `自 ${overlapping.from} 起，未定结束日`
    problems.push(`与已录入的延续文件 ${overlapping.document}（${span}）重叠${overlapping.until === null ? '；如它已结束，请先结束它（policy end）' : ''}`)
  } else if (!last && candidate.from !== packEnd) {
    problems.push(`${meta.document} 的实施期到 ${addDays(packEnd, -1)} 结束，延续文件须自 ${packEnd} 起（现为 ${candidate.from}）`)
  } else if (last && candidate.from !== successorEnd(last)) {
    problems.push(`上一份延续文件 ${last.document} 到 ${last.until} 结束，本文件须自 ${successorEnd(last)} 起（现为 ${candidate.from}）`)
  }

  const known = programmesOf(candidate.policy)
  for (const id of candidate.programmes ?? []) {
    if (!known.includes(id)) {
      problems.push(known.length ? `未知的计划“${id}”；${meta.document} 的计划有：${known.join('、')}` : `${meta.document} 没有可单独延续的计划（不要填 programmes）`)
      continue
    }
    const period = PROGRAMMES.find((p) => p.id === id)!.period
    if (period.values[packEnd]?.value !== null) problems.push(`计划“${id}”不是到文件实施期末才结束的，不能延续`)
  }

  const allowed = OVERRIDABLE[candidate.policy]
  const seen = new Set<string>()
  for (const o of candidate.overrides ?? []) {
    const def = allowed.find((a) => a.name === o.parameter)
    if (!def) {
      problems.push(`参数“${o.parameter}”不可由延续文件修改；${meta.document} 可修改的参数：${allowed.map((a) => `${a.name}（${a.description}，单位：${a.unit}）`).join('；') || '无'}`)
      continue
    }
    if (seen.has(o.parameter)) problems.push(`参数“${o.parameter}”重复`)
    seen.add(o.parameter)
    const value = def.schema.safeParse(o.value)
    if (!value.success) {
      problems.push(`参数“${o.parameter}”的值 ${JSON.stringify(o.value)} 不正确：${value.error.issues.map((i) => i.message).join('；')}（${def.description}，单位：${def.unit}）`)
      continue
    }
    const misfit = def.misfit?.(SUPPORT_RULES[candidate.policy], value.data)
    if (misfit) problems.push(`参数“${o.parameter}”：${misfit}`)
  }
  return problems
}
