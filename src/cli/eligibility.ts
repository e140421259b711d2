import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { systemClock } from '../domain/clock'
import { shanghaiDate } from '../time/shanghai'
import { askEligibility, EligibilityQuery } from '../usecases/eligibility/ask'
import { formatDetailed } from '../usecases/eligibility/format'

export const ELIGIBILITY_USAGE = `  eligibility <profile.json> [--on YYYY-MM-DD] [--programme ID]... [--json]
      profile.json holds a profile ({"birthDate": "1980-05-01", "title": "intermediate", …})
      or a whole request body ({"on", "programmes", "profile"}) as POST /api/eligibility takes it.`

function fail(message: string): never {
  console.error(`duikou: ${message}`)
  process.exit(2)
}

/** `npm run cli -- eligibility profile.json`: the public eligibility answer, offline (no database). */
export async function eligibilityCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { on: { type: 'string' }, programme: { type: 'string', multiple: true }, json: { type: 'boolean' } },
  })
  const file = positionals[0] ?? fail(`eligibility needs a profile file\n${ELIGIBILITY_USAGE}`)
  let json: unknown
  try {
    json = JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    fail(`cannot read ${file} as JSON: ${(error as Error).message}`)
  }
  const body = typeof json === 'object' && json !== null && 'profile' in json ? json : { profile: json }
  const parsed = EligibilityQuery.safeParse({ ...body, ...(values.on ? { on: values.on } : {}), ...(values.programme ? { programmes: values.programme } : {}) })
  if (!parsed.success) fail(`${file}: ${z.prettifyError(parsed.error)}`)
  const answer = askEligibility(parsed.data, shanghaiDate(systemClock.now()))
  if (values.json) return console.log(JSON.stringify(answer, null, 2))
  console.log(`资格评估结果（按 ${answer.on} 的政策）\n`)
  console.log(answer.results.map((r) => formatDetailed(r, 'zh')).join('\n\n'))
}
