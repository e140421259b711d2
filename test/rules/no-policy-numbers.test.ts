import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import ts from 'typescript'
import { describe, expect, test } from 'vitest'

// Evaluators read every threshold from cited parameters. This test parses their source and fails on any numeric
// literal other than 0 and 1 (counters, `x + 1`, `-1` for "the day before"), and on digits inside string or template
// text, where "6个月" would hide a policy number. Calendar arithmetic (7, 12, the 400-year cycle) lives in
// rules/core/dates.ts, which is not scanned. Comments are not parsed, so clause names in comments are fine.

const ROOT = resolve(import.meta.dirname, '../..')
const EVALUATOR_DIRS = ['rules/posting', 'rules/credit', 'rules/escalation', 'rules/calendar', 'rules/eligibility', 'rules/compliance']
const ALLOWED_NUMBERS = new Set(['0', '1'])
// Names that contain digits without being thresholds: Yantai's "331" working model, and the profile field
// `majorAccidentLast5Years` fixed by the public API contract (its threshold still lives in the programme data).
const ALLOWED_NAMES = ['331', 'majorAccidentLast5Years']

interface Finding {
  file: string
  line: number
  text: string
}

function isModuleSpecifier(node: ts.Node): boolean {
  const parent = node.parent
  return (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent)) && parent.moduleSpecifier === node
}

function stripAllowed(text: string): string {
  return ALLOWED_NAMES.reduce((t, name) => t.split(name).join(''), text)
}

/** Policy-looking numbers in one TypeScript source. */
function findPolicyNumbers(fileName: string, code: string): Finding[] {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true)
  const found: Finding[] = []
  const report = (node: ts.Node, text: string) =>
    found.push({ file: fileName, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, text })
  const visit = (node: ts.Node): void => {
    if (ts.isNumericLiteral(node) && !ALLOWED_NUMBERS.has(node.text)) report(node, node.text)
    if (ts.isBigIntLiteral(node)) report(node, node.text)
    const isText =
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node) ||
      ts.isRegularExpressionLiteral(node)
    if (isText && !isModuleSpecifier(node) && /\d/.test(stripAllowed(node.text))) report(node, JSON.stringify(node.text))
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

function sourcesUnder(dir: string): string[] {
  const abs = join(ROOT, dir)
  if (!existsSync(abs)) return []
  return readdirSync(abs, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(dir, f))
}

describe('the scanner catches what it is meant to catch', () => {
  test.each([
    { name: 'a threshold comparison', code: 'if (months >= 6) ok()', expected: ['6'] },
    { name: 'a decimal share', code: 'const share = staff * 1.2', expected: ['1.2'] },
    { name: 'a number in reply text', code: "const r = '需连续驻点6个月'", expected: ['"需连续驻点6个月"'] },
    { name: 'a number in a template', code: 'const r = `${n}/12周`', expected: ['"/12周"'] },
    { name: 'a date literal', code: "const d = '2015-06-25'", expected: ['"2015-06-25"'] },
    { name: 'allowed arithmetic', code: 'const next = i + 1; const prev = addDays(d, -1); const none = 0', expected: [] },
    { name: 'an import path', code: "import { x } from '../policies/henan-2015/posting'", expected: [] },
    { name: 'comments', code: '// 附件8 四(四): 发现 3 次\nconst a = b', expected: [] },
  ])('$name', ({ code, expected }) => {
    expect(findPolicyNumbers('sample.ts', code).map((f) => f.text)).toEqual(expected)
  })
})

describe('evaluator code holds no policy numbers', () => {
  const files = EVALUATOR_DIRS.flatMap(sourcesUnder)
  test('the evaluator directories are found', () => {
    expect(files.length).toBeGreaterThan(0)
  })
  test.each(files)('%s', (file) => {
    expect(findPolicyNumbers(file, readFileSync(join(ROOT, file), 'utf8'))).toEqual([])
  })
})
