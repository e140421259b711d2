import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ZodError } from 'zod'
import { isDatabaseUnavailable } from '../../db/database'
import type { AppEnv } from './deps'

/** One error shape for every route: `{ error: { code, message, requestId } }`. */
export function errorBody(c: Context<AppEnv>, code: string, message: string) {
  return { error: { code, message, requestId: c.get('requestId') } }
}

export function invalidRequest(c: Context<AppEnv>, error: ZodError) {
  const message = error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ')
  return c.json(errorBody(c, 'invalid_request', message), 400)
}

/** Never echoes an internal message: the request id is what an operator looks up in the log. */
export function onError(error: Error, c: Context<AppEnv>) {
  if (error instanceof HTTPException) return c.json(errorBody(c, 'http_error', error.message), error.status)
  if (isDatabaseUnavailable(error)) {
    // A platform retries what was not answered 2xx; 503 says "again shortly". A retry of a write that did commit is a duplicate the event id catches.
    console.warn(JSON.stringify({ level: 'warn', requestId: c.get('requestId'), message: 'database unavailable', cause: error.message.slice(0, 200) }))
    c.header('retry-after', '1')
    return c.json(errorBody(c, 'unavailable', 'the database is unavailable; retry shortly'), 503)
  }
  console.error(JSON.stringify({ level: 'error', requestId: c.get('requestId'), message: error.message, cause: (error.cause as Error | undefined)?.message, stack: error.stack }))
  return c.json(errorBody(c, 'internal', 'internal error'), 500)
}
