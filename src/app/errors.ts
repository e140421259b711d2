import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ZodError } from 'zod'
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
  console.error(JSON.stringify({ level: 'error', requestId: c.get('requestId'), message: error.message, stack: error.stack }))
  return c.json(errorBody(c, 'internal', 'internal error'), 500)
}
