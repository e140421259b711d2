import { addDays } from '../core/dates'
import type { PolicyId } from '../core/pack'
import { type IsoDate, type Parameter, valueAt } from '../core/parameter'
import type { ContinuedBy, Source } from '../core/source'
import type { Successor } from '../core/successor'
import type { Programme } from '../eligibility/programme'
import { OVERRIDABLE } from './overridable'
import { SUPPORT_PERIODS } from './periods'
import { SUPPORT_RULES, type SupportRules } from './support-rules'

/** The successors of one pack, oldest first. */
export function chainOf(policyId: PolicyId, successors: readonly Successor[]): Successor[] {
  return successors.filter((s) => s.policy === policyId).sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))
}

function continuedBy(s: Successor): ContinuedBy {
  return { document: s.document, from: s.from, until: s.until }
}

/** The successor's own clause: what its period and its end cite. */
export function successorSource(s: Successor): Source {
  return { document: s.document, clause: s.clause, quote: s.quote, continuedBy: continuedBy(s) }
}

/** The first day after a successor (its `until` is its last day), or null while it is open-ended. */
export function successorEnd(s: Successor): IsoDate | null {
  return s.until === null ? null : addDays(s.until, 1)
}

/**
 * Carries a parameter that ends on `end` (the first day after the pack or the previous successor) through `s`: the value
 * in force the day before holds on, citing its own clause and naming the successor. A value that ended earlier (Henan's
 * 2015-only dates) stays ended.
 */
function extend<T>(parameter: Parameter<T>, end: IsoDate, s: Successor, own: boolean): Parameter<T> {
  const closing = parameter.values[end]
  if (!closing || closing.value !== null) return parameter
  const before = valueAt(parameter, addDays(end, -1))
  // A successor ended the day before it began was withdrawn: it continues nothing and is named nowhere.
  if (!before.covered || successorEnd(s) === end) return parameter
  const { continuedBy: _previous, ...original } = before.source
  const source = own ? successorSource(s) : { ...original, continuedBy: continuedBy(s) }
  const values: Parameter<T>['values'] = { ...parameter.values, [end]: { value: before.value, source } }
  const after = successorEnd(s)
  if (after) values[after] = { value: null, source: successorSource(s) }
  return { ...parameter, values }
}

function isParameter(value: object): value is Parameter<unknown> {
  return 'values' in value && 'unit' in value && 'description' in value
}

/** Rebuilds a rules tree with every parameter passed through `fn` (new objects; the pack's own data is never touched). */
function mapParameters<T>(value: T, fn: (p: Parameter<unknown>) => Parameter<unknown>): T {
  if (typeof value !== 'object' || value === null) return value
  if (Array.isArray(value)) return value.map((v) => mapParameters(v, fn)) as T
  if (isParameter(value)) return fn(value) as T
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapParameters(v, fn)])) as T
}

function applyOverrides(rules: SupportRules, s: Successor): void {
  for (const override of s.overrides ?? []) {
    const def = OVERRIDABLE[s.policy].find((o) => o.name === override.parameter)
    if (!def) continue
    const source: Source = { document: s.document, clause: override.clause, quote: override.quote, continuedBy: continuedBy(s) }
    for (const target of def.targets(rules)) {
      const entry = target.parameter.values[s.from]
      // Only values this successor carries: a copy made by `extend`, never the pack's own data.
      if (!entry || entry.value === null || entry.source.continuedBy?.document !== s.document) continue
      target.parameter.values[s.from] = { value: target.set(entry.value, override.value), source }
    }
  }
}

const MEMO_ENTRIES = 64
const memo = new Map<string, SupportRules>()

/**
 * A pack's support rules as continued by its successors (pure: the successors are an argument): inside a successor's
 * period every rule of the pack holds on, with the successor's overrides, citing the pack's clause and naming the
 * successor. Successors naming only some programmes continue those programmes, not the posting rules.
 */
export function continuedRules(policyId: PolicyId, successors: readonly Successor[] = []): SupportRules {
  const chain = chainOf(policyId, successors)
  if (chain.length === 0) return SUPPORT_RULES[policyId]
  const key = `${policyId}|${JSON.stringify(chain)}`
  const known = memo.get(key)
  if (known) return known
  let rules = SUPPORT_RULES[policyId]
  let end: IsoDate | null = SUPPORT_PERIODS[policyId].until
  for (const s of chain) {
    if (end === null || s.from !== end) break
    if (!s.programmes) {
      const at = end
      const { period, ...rest } = rules
      rules = { period: extend(period, at, s, true), ...mapParameters(rest, (p) => extend(p, at, s, false)) }
      applyOverrides(rules, s)
    }
    end = successorEnd(s)
  }
  if (memo.size >= MEMO_ENTRIES) memo.clear()
  memo.set(key, rules)
  return rules
}

/** Any other cited data of a pack (e.g. its team requirements) carried through its successors as its support rules are. */
export function continuedData<T extends object>(policyId: PolicyId, data: T, successors: readonly Successor[] = []): T {
  let out = data
  let end: IsoDate | null = SUPPORT_PERIODS[policyId].until
  for (const s of chainOf(policyId, successors)) {
    if (end === null || s.from !== end) break
    const at = end
    if (!s.programmes) out = mapParameters(out, (p) => extend(p, at, s, false))
    end = successorEnd(s)
  }
  return out
}

/** A programme's period as continued by the successors of its pack that cover it (all of it, or by name). */
export function continuedProgramme(programme: Programme, policyId: PolicyId, successors: readonly Successor[]): Programme {
  const chain = chainOf(policyId, successors)
  if (chain.length === 0) return programme
  let period = programme.period
  let end: IsoDate | null = SUPPORT_PERIODS[policyId].until
  for (const s of chain) {
    if (end === null || s.from !== end) break
    if (!s.programmes || s.programmes.includes(programme.id)) period = extend(period, end, s, true)
    end = successorEnd(s)
  }
  return period === programme.period ? programme : { ...programme, period }
}
