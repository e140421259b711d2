import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ZodError } from 'zod'
import { isDatabaseUnavailable, safeErrorText } from '../../db/database'
import type { AppEnv } from './deps'

/** One error shape for every route: `{ error: { code, message, requestId } }`. */
export function errorBody(c: Context<AppEnv>, code: string, message: string) {
  return { error: { code, message, requestId: c.get('requestId') } }
}

const MAX_ISSUES = 10
const MAX_ISSUE_CHARS = 300
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text)

/** The issues of a refused request, at most 10 and a few KB however hostile the input: the answer never amplifies it. */
export function issuesText(error: ZodError): string {
  const shown = error.issues.slice(0, MAX_ISSUES).map((i) => clip(i.path.length ? `${i.path.slice(0, 5).join('.')}: ${i.message}` : i.message, MAX_ISSUE_CHARS))
  const more = error.issues.length - shown.length
  return shown.join('; ') + (more > 0 ? `; and ${more} more` : '')
}

export function invalidRequest(c: Context<AppEnv>, error: ZodError) {
  return c.json(errorBody(c, 'invalid_request', issuesText(error)), 400)
}

/** Never echoes an internal message: the request id is what an operator looks up in the log. */
export function onError(error: Error, c: Context<AppEnv>) {
  if (error instanceof HTTPException) return c.json(errorBody(c, 'http_error', error.message), error.status)
  if (isDatabaseUnavailable(error)) {
    // A platform retries what was not answered 2xx; 503 says "again shortly". A retry of a write that did commit is a duplicate the event id catches.
    console.warn(JSON.stringify({ level: 'warn', requestId: c.get('requestId'), message: 'database unavailable', cause: safeErrorText(error) }))
    c.header('retry-after', '1')
    return c.json(errorBody(c, 'unavailable', 'the database is unavailable; retry shortly'), 503)
  }
  // The stack's frames say where; its first line repeats the message, which may hold a query's parameters.
  const frames = (error.stack ?? '').split('\n').slice(1, 12).join('\n')
  console.error(JSON.stringify({ level: 'error', requestId: c.get('requestId'), message: safeErrorText(error), stack: frames }))
  return c.json(errorBody(c, 'internal', 'internal error'), 500)
}
