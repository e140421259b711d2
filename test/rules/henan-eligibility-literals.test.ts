import { readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, test } from 'vitest'

const RULES = resolve(import.meta.dirname, '../../rules')
const EVALUATOR_DIR = resolve(RULES, 'eligibility')
const DATA_DIR = resolve(RULES, 'policies/henan-2015')
// Files the posting/credit/escalation/calendar work owns in the same pack folder.
const NOT_OURS = new Set(['posting.ts', 'credit.ts', 'escalation.ts', 'calendar.ts'])

const tsFiles = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.ts') && !NOT_OURS.has(f))

/** Comments may quote the text ("选拔当年不超过45周岁"); only code can smuggle a threshold. */
function stripComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1')
}

/**
 * Numeric literals other than 0 and 1 (an index, an increment, an empty check). Digits inside identifiers, module
 * paths (a pack id like henan-2015) and regex escapes are not literals; digits inside strings are, since a reason text
 * could hard-code "45周岁".
 */
function strayNumbers(source: string): string[] {
  const code = stripComments(source).replace(/from\s+(['"])[^'"]*\1/g, 'from module')
  return [...code.matchAll(/(?<![\w$\\])\d+(?:\.\d+)?/g)].map((m) => m[0]).filter((n) => n !== '0' && n !== '1')
}

describe('evaluator code holds no policy numbers', () => {
  test('the scanner catches a literal threshold and ignores comments and indices', () => {
    expect(strayNumbers('if (age <= 45) return x')).toEqual(['45'])
    expect(strayNumbers("const reason = '工作3年以上'")).toEqual(['3'])
    expect(strayNumbers('const n = 1.4')).toEqual(['1.4'])
    expect(strayNumbers('// 选拔当年不超过45周岁\nconst next = i + 1; const first = xs[0]; const h5 = fn()')).toEqual([])
    expect(strayNumbers('/* 6个月 */ const re = /\\d{4}/')).toEqual(['4'])
    expect(strayNumbers("import { X } from '../policies/henan-2015/programmes'\nconst y = X + 2")).toEqual(['2'])
  })

  test.each(tsFiles(EVALUATOR_DIR))('rules/eligibility/%s', (file) => {
    expect(strayNumbers(readFileSync(resolve(EVALUATOR_DIR, file), 'utf8'))).toEqual([])
  })
})

describe('eligibility rules are pure', () => {
  const files = [
    ...tsFiles(EVALUATOR_DIR).map((f) => resolve(EVALUATOR_DIR, f)),
    ...tsFiles(DATA_DIR).map((f) => resolve(DATA_DIR, f)),
  ]
  test.each(files.map((f) => [f.slice(RULES.length + 1), f]))('rules/%s reads no clock, env, file or app layer', (_label, file) => {
    const code = stripComments(readFileSync(file, 'utf8'))
    expect(code).not.toMatch(/Date\.now|new Date\b|process\.env|from ['"]node:|from ['"](\.\.\/)+(src|db)\//)
    for (const [, spec] of code.matchAll(/from ['"]([^'"]+)['"]/g)) expect(spec === 'zod' || spec!.startsWith('.')).toBe(true)
  })
})
