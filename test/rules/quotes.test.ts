import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, test } from 'vitest'
import * as rules from '../../rules'
import { collectSources } from '../../rules/core/collect-sources'
import { POLICY_META } from '../../rules/policies/meta'

const POLICY_DIR = resolve(import.meta.dirname, '../../rules/texts')
const squash = (s: string) => s.replace(/\s+/g, '')
const textByDocument = new Map(
  Object.values(POLICY_META).map((m) => [m.document, squash(readFileSync(resolve(POLICY_DIR, m.textFile), 'utf8'))]),
)

describe('every policy quote is found verbatim in its text', () => {
  const sources = collectSources(rules)
  test('the rules export cited values', () => {
    expect(sources.length).toBeGreaterThan(0)
  })
  test.each(sources.map((s) => [`${s.document} ${s.clause}`, s] as const))('%s', (_label, source) => {
    const text = textByDocument.get(source.document)
    expect(text, `unknown document ${source.document}`).toBeDefined()
    expect(text).toContain(squash(source.quote))
  })
})
