import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import pg from 'pg'

/** The floor: a bare Hono route that stores the body with one INSERT — no signature, no decryption, no logic. */
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL!, max: 10 })
const app = new Hono().post('/floor', async (c) => {
  const body = await c.req.text()
  await pool.query('insert into bench_inbound (source, event_key, payload) values ($1, $2, $3)', ['floor', c.req.header('x-lark-request-nonce') ?? crypto.randomUUID(), body])
  return c.json({})
})
serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' }, (info) => console.log(`floor listening on ${info.port}`))
