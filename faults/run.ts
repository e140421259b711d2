import type { CheckResult } from './check'

/** The fault checks, in order; each starts its own server and database and cleans up after itself. */
const CHECKS: [string, () => Promise<{ check: () => Promise<CheckResult> }>][] = [
  ['replay', () => import('./replay')],
  ['outage', () => import('./outage')],
  ['outbox-chaos', () => import('./outbox-chaos')],
  ['fuzz', () => import('./fuzz')],
  ['hostile', () => import('./hostile')],
]

const only = process.argv.slice(2)
let passed = 0
let failed = 0
for (const [key, load] of CHECKS) {
  if (only.length && !only.includes(key)) continue
  const started = performance.now()
  let result: CheckResult
  try {
    result = await (await load()).check()
  } catch (error) {
    result = { name: key, ok: false, detail: `crashed: ${String((error as Error).message ?? error).split('\n')[0]!.slice(0, 300)}` }
    console.error(error)
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  console.log(`${result.ok ? 'ok  ' : 'FAIL'} ${result.name.padEnd(14)} ${result.detail} (${seconds} s)`)
  if (result.ok) passed++
  else failed++
}
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed ? 1 : 0)
