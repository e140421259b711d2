// Builds nothing: reads the bundle `wrangler deploy --dry-run --outdir dist` wrote, prints its size and fails
// over the budget (Workers' paid-plan limit is 10 MiB compressed; ours is 3 MiB, to keep cold starts short).
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

const BUDGET_BYTES = 3 * 1024 * 1024
const dir = process.argv[2] ?? 'dist'
const files = readdirSync(dir).filter((f) => statSync(join(dir, f)).isFile() && !f.endsWith('.map'))
let raw = 0
let gzipped = 0
for (const file of files) {
  const bytes = readFileSync(join(dir, file))
  raw += bytes.length
  gzipped += gzipSync(bytes, { level: 9 }).length
}
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`
console.log(`worker bundle: ${files.length} file(s), ${kib(raw)} raw, ${kib(gzipped)} gzip (budget ${kib(BUDGET_BYTES)} gzip)`)
if (gzipped > BUDGET_BYTES) {
  console.error('FAIL: the worker bundle is over its budget')
  process.exit(1)
}
