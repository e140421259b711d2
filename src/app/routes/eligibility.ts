import { Hono } from 'hono'
import { askEligibility, EligibilityQuery } from '../../usecases/eligibility/ask'
import { shanghaiDate } from '../../time/shanghai'
import type { AppEnv } from '../deps'
import { errorBody, invalidRequest } from '../errors'

/** POST /api/eligibility (public): `{ on?, programmes?, profile }` → `{ on, results }`, every reason with its clause. */
export const eligibilityApi = new Hono<AppEnv>().post('/api/eligibility', async (c) => {
  const body = await c.req.json().catch(() => undefined)
  if (body === undefined) return c.json(errorBody(c, 'invalid_request', 'body must be JSON: {"on"?, "programmes"?, "profile"}'), 400)
  const parsed = EligibilityQuery.safeParse(body)
  if (!parsed.success) return invalidRequest(c, parsed.error)
  return c.json(askEligibility(parsed.data, shanghaiDate(c.get('deps').clock.now())))
})
