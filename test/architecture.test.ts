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

/** The repository file a relative import names (`./x` → `x.ts` or `x/index.ts`), or null when it is not TypeScript. */
function resolveImport(file: string, specifier: string): string | null {
  const base = relative(ROOT, resolve(ROOT, file, '..', specifier))
  return [`${base}.ts`, `${base}/index.ts`, base].find((candidate) => candidate.endsWith('.ts') && existsSync(join(ROOT, candidate))) ?? null
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
  // The schema stores the vocabulary's names (Platform), so db may import src/domain and nothing else of src.
  db: ['src/app', 'src/usecases', 'src/platforms', 'src/jobs', 'src/cli', 'src/time', 'src/demo', 'rules'],
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

  // Transitively: a type import through config.ts once made the platform adapters depend on the database client.
  for (const layer of ['src/domain', 'src/platforms']) {
    test(`no import chain runs from ${layer} into db/`, () => {
      const chains: string[] = []
      const seen = new Set<string>()
      const walk = (file: string, path: string[]) => {
        if (seen.has(file)) return
        seen.add(file)
        for (const spec of importsOf(file).filter((s) => s.startsWith('.'))) {
          const target = resolveImport(file, spec)
          if (target === null) continue
          if (target.startsWith('db/')) chains.push([...path, file, target].join(' → '))
          else walk(target, [...path, file])
        }
      }
      for (const file of sourceFiles(layer)) walk(file, [])
      expect(chains).toEqual([])
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
