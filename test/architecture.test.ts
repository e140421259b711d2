import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { describe, expect, test } from 'vitest'

const ROOT = resolve(import.meta.dirname, '..')

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts'))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)))
}

function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8')
  return [...text.matchAll(/from\s+'([^']+)'/g)].map((m) => m[1]!)
}

/** Resolves a relative import to a top-level area such as `src/app` or `db`. */
function areaOf(file: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null
  const target = relative(ROOT, resolve(ROOT, file, '..', specifier))
  const [top, second] = target.split('/')
  return top === 'src' ? `src/${second}` : top!
}

// Design §3: platforms → app → usecases → rules, db. Each entry lists what a layer must never import.
const FORBIDDEN: Record<string, string[]> = {
  rules: ['src', 'db'],
  db: ['src', 'rules'],
  'src/domain': ['src/app', 'src/platforms', 'src/usecases'],
  'src/usecases': ['src/app', 'src/platforms'],
  'src/platforms': ['src/app', 'db', 'src/usecases'],
}

describe('imports point down only', () => {
  for (const [layer, forbidden] of Object.entries(FORBIDDEN)) {
    test(`${layer} imports none of ${forbidden.join(', ')}`, () => {
      const offending = sourceFiles(layer).flatMap((file) =>
        importsOf(file)
          .filter((spec) => {
            const area = areaOf(file, spec)
            return area !== null && forbidden.some((f) => area === f || area.startsWith(`${f}/`) || (f === 'src' && area.startsWith('src/')))
          })
          .map((spec) => `${file} → ${spec}`),
      )
      expect(offending).toEqual([])
    })
  }

  test('rules/ is pure: no node built-ins, no clock', () => {
    const offending = sourceFiles('rules').filter((file) => {
      const text = readFileSync(join(ROOT, file), 'utf8')
      return /from\s+'node:|Date\.now\(\)|new Date\(\)/.test(text)
    })
    expect(offending).toEqual([])
  })
})

describe('a clone is self-contained', () => {
  test('no tracked file reads or links anything beside the repository', () => {
    const tracked = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' })
      .split('\n')
      .filter((file) => /\.(ts|mjs|js|json|md|toml)$/.test(file))
    const outside = tracked.filter((file) => existsSync(join(ROOT, file)) && /\.\.\/shared\b/.test(readFileSync(join(ROOT, file), 'utf8')))
    expect(outside).toEqual([])
  })
})
