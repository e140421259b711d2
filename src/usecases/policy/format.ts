import { POLICY_META, type Successor } from '../../../rules'
import type { SuccessorList } from './list-successors'

/** One successor in a line: `烟卫〔2027〕3号 延续 烟卫〔2024〕17号（2027-01-01 起，未定结束日）…`. */
export function successorLine(s: Successor & { id?: string }): string {
  const span = s.until ? `${s.from} 至 ${s.until}` : `${s.from} 起，未定结束日`
  const scope = s.programmes ? `；仅计划：${s.programmes.join('、')}` : ''
  const changes = s.overrides?.length ? `；修改：${s.overrides.map((o) => `${o.parameter}=${JSON.stringify(o.value)}`).join('，')}` : ''
  return `${s.document} 延续 ${POLICY_META[s.policy].document}（${span}${scope}${changes}）依据 ${s.clause}“${s.quote}”${s.id ? `\n  id: ${s.id}` : ''}`
}

/** `policy list` in Chinese: each pack's own end, its successors, and what a successor may change. */
export function formatSuccessorList(list: SuccessorList): string {
  return list.packs
    .map((pack) => {
      const own = list.successors.filter((s) => s.policy === pack.policy)
      const lines = own.length ? own.map((s) => `  · ${successorLine(s).replace('\n', '\n  ')}`) : ['  · 尚无延续文件']
      const overridable = pack.overridable.length ? pack.overridable.map((o) => `${o.name}（${o.unit}）`).join('、') : '无'
      return [`${pack.policy} ${pack.document}：本身实施至 ${pack.endsOn}；可修改参数：${overridable}`, ...lines].join('\n')
    })
    .join('\n')
}
