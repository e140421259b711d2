import { resolve } from 'node:path'
import { z } from 'zod'
import type { DatabaseTarget } from '../db/client'
import type { FeishuSettings } from './platforms/feishu/settings'
import type { WecomSettings } from './platforms/wecom/settings'

const DEFAULT_DATA_DIR = '.data/pglite'

const databaseUrl = z
  .string()
  .optional()
  .transform((v, ctx): DatabaseTarget => {
    if (!v) return { driver: 'pglite', dataDir: resolve(DEFAULT_DATA_DIR) }
    if (v === 'memory://') return { driver: 'pglite', dataDir: null }
    let url: URL
    try {
      url = new URL(v)
    } catch {
      ctx.addIssue({ code: 'custom', message: 'DATABASE_URL must be postgres://user@host:port/database, memory://, or unset for the embedded database in ./.data/' })
      return z.NEVER
    }
    if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
      ctx.addIssue({ code: 'custom', message: `DATABASE_URL must start with postgres:// (or be memory://, or unset); got ${url.protocol}//` })
      return z.NEVER
    }
    return { driver: 'postgres', url: v }
  })

const optionalSecret = z.string().min(1).optional()
const TIMEOUT_MESSAGE = 'FEISHU_REQUEST_TIMEOUT_MS must be a whole number of milliseconds from 100 to 5000'

/** The whole configuration, from environment variables (design §7). Parsed once at an entry point. */
export const Env = z.object({
  DATABASE_URL: databaseUrl,
  PORT: z.coerce
    .number({ message: 'PORT must be a whole number from 0 to 65535' })
    .int('PORT must be a whole number from 0 to 65535')
    .min(0, 'PORT must be a whole number from 0 to 65535')
    .max(65535, 'PORT must be a whole number from 0 to 65535')
    .default(8787),
  HOST: z.string().min(1, 'HOST must be an address to listen on, e.g. 127.0.0.1').default('127.0.0.1'),
  // Unset: on in local trial mode only (see parseConfig).
  CONSOLE_ENABLED: z.enum(['true', 'false'], { message: 'CONSOLE_ENABLED must be "true" or "false"' }).optional(),
  CONSOLE_TENANT: z.string().min(1).default('demo'),
  ADMIN_TOKEN: z.string().min(16, 'ADMIN_TOKEN must be at least 16 characters').optional(),
  ADMIN_TOKENS: z.string().optional().transform((v, ctx) => {
    const bound = parseAdminTokens(v ?? '')
    if (typeof bound === 'string') {
      ctx.addIssue({ code: 'custom', message: bound })
      return z.NEVER
    }
    return bound
  }),
  FEISHU_APP_ID: optionalSecret,
  FEISHU_APP_SECRET: optionalSecret,
  FEISHU_ENCRYPT_KEY: optionalSecret,
  FEISHU_VERIFICATION_TOKEN: optionalSecret,
  FEISHU_BOT_OPEN_ID: optionalSecret,
  FEISHU_DEFAULT_TENANT: optionalSecret,
  FEISHU_BASE_URL: z.url({ message: 'FEISHU_BASE_URL must be a URL' }).default('https://open.feishu.cn'),
  // Only ever shorter than the default: the outbox lease assumes a call ends within 5 s (a fault check uses 300 ms).
  // websocket: events and card clicks arrive over Feishu's long connection (no public URL needed); Node server only.
  FEISHU_CONNECTION: z.enum(['webhook', 'websocket'], { message: 'FEISHU_CONNECTION must be "webhook" or "websocket"' }).default('webhook'),
  FEISHU_REQUEST_TIMEOUT_MS: z.coerce.number({ message: TIMEOUT_MESSAGE }).int(TIMEOUT_MESSAGE).min(100, TIMEOUT_MESSAGE).max(5000, TIMEOUT_MESSAGE).optional(),
  WECOM_CORP_ID: optionalSecret,
  WECOM_AGENT_ID: optionalSecret,
  WECOM_SECRET: optionalSecret,
  WECOM_TOKEN: optionalSecret,
  WECOM_ENCODING_AES_KEY: z.string().length(43, 'WECOM_ENCODING_AES_KEY must be the 43-character EncodingAESKey').optional(),
  WECOM_BASE_URL: z.url({ message: 'WECOM_BASE_URL must be a URL' }).default('https://qyapi.weixin.qq.com'),
  WECOM_DEFAULT_TENANT: optionalSecret,
})

const ADMIN_TOKENS_FORMAT = 'ADMIN_TOKENS must be tenant:token pairs separated by commas (each token at least 16 characters), e.g. henan:0123456789abcdef,yantai:fedcba9876543210'

/** `tenant:token,…` → each token with the tenants it may see and change; a token may be listed for several tenants. */
function parseAdminTokens(text: string): AdminTokenBinding[] | string {
  const byToken = new Map<string, string[]>()
  for (const entry of text.split(',').map((e) => e.trim()).filter(Boolean)) {
    const colon = entry.indexOf(':')
    const tenant = entry.slice(0, colon).trim()
    const token = entry.slice(colon + 1).trim()
    if (colon < 1 || !tenant || token.length < 16) return ADMIN_TOKENS_FORMAT
    byToken.set(token, [...(byToken.get(token) ?? []), tenant])
  }
  return [...byToken].map(([token, tenants]) => ({ token, tenants }))
}

/** An admin token that sees and changes only its tenants (ADMIN_TOKENS), beside the unbound ADMIN_TOKEN. */
export interface AdminTokenBinding {
  token: string
  tenants: string[]
}

/** Addresses only this machine can reach: the console lets its caller speak as anyone. */
export function isLoopback(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[|\]$/g, '')
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h) || h === '::ffff:127.0.0.1'
}

export interface Config {
  database: DatabaseTarget
  port: number
  host: string
  console: { enabled: boolean; tenantId: string }
  /**
   * Local trial mode: the embedded database in ./.data and no platform credentials, i.e. someone trying duikou on
   * their own machine. The server then seeds the demo into an empty database and opens the console on loopback.
   */
  trial: boolean
  adminToken: string | null
  /** Tokens bound to tenants (ADMIN_TOKENS); empty when none are. */
  adminTokens: AdminTokenBinding[]
  feishu: FeishuSettings
  wecom: WecomSettings
}


export class ConfigError extends Error {
  override name = 'ConfigError'
}

/** Parses the environment into a Config, or throws one ConfigError that names every bad variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const blankless = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''))
  const parsed = Env.safeParse(blankless)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'environment')
      return issue.message.includes(name) ? issue.message : `${name}: ${issue.message}`
    })
    throw new ConfigError(`invalid configuration:\n  ${lines.join('\n  ')}`)
  }
  const e = parsed.data
  const problems: string[] = []
  // WeCom's message/send takes the AgentId as a JSON number; a typo would otherwise surface only as failed sends.
  if (e.WECOM_AGENT_ID !== undefined && !/^\d+$/.test(e.WECOM_AGENT_ID)) problems.push("WECOM_AGENT_ID must be the app's numeric AgentId")
  // Without the encrypt key nothing is signed: anyone who knows the verification token (sent in clear in every
  // body) could speak as any user. Authentication must not be switched off by leaving a variable out.
  const feishuSet = Object.keys(blankless).filter((name) => name.startsWith('FEISHU_'))
  if (feishuSet.length > 0 && !e.FEISHU_ENCRYPT_KEY) {
    problems.push(`FEISHU_ENCRYPT_KEY must be set whenever Feishu is configured (${feishuSet.join(', ')} set): without it Feishu's requests are not signed and anyone who knows the verification token could act as any user`)
  }
  if (e.CONSOLE_ENABLED === 'true' && !isLoopback(e.HOST)) {
    problems.push(`CONSOLE_ENABLED=true needs HOST to be a loopback address (127.0.0.1, ::1 or localhost), not ${e.HOST}: the console lets anyone who reaches it act as any user`)
  }
  // The SDK's WSClient does nothing at all (one log line) for an app id of another shape, so say it here.
  if (e.FEISHU_CONNECTION === 'websocket' && (!e.FEISHU_APP_ID || !/^cli_[0-9a-fA-F]{16}$/.test(e.FEISHU_APP_ID) || !e.FEISHU_APP_SECRET))
    problems.push('FEISHU_CONNECTION=websocket needs FEISHU_APP_ID (cli_ and 16 hex digits, from the developer console) and FEISHU_APP_SECRET')
  if (problems.length) throw new ConfigError(`invalid configuration:\n  ${problems.join('\n  ')}`)
  const platformConfigured = [e.FEISHU_APP_ID, e.FEISHU_APP_SECRET, e.FEISHU_ENCRYPT_KEY, e.FEISHU_VERIFICATION_TOKEN, e.WECOM_CORP_ID, e.WECOM_SECRET, e.WECOM_TOKEN].some(Boolean)
  const trial = env.DATABASE_URL === undefined || env.DATABASE_URL === '' ? !platformConfigured : false
  return {
    database: e.DATABASE_URL,
    port: e.PORT,
    host: e.HOST,
    console: { enabled: e.CONSOLE_ENABLED === undefined ? trial && isLoopback(e.HOST) : e.CONSOLE_ENABLED === 'true', tenantId: e.CONSOLE_TENANT },
    trial,
    adminToken: e.ADMIN_TOKEN ?? null,
    adminTokens: e.ADMIN_TOKENS,
    feishu: {
      appId: e.FEISHU_APP_ID,
      appSecret: e.FEISHU_APP_SECRET,
      encryptKey: e.FEISHU_ENCRYPT_KEY,
      verificationToken: e.FEISHU_VERIFICATION_TOKEN,
      botOpenId: e.FEISHU_BOT_OPEN_ID,
      defaultTenant: e.FEISHU_DEFAULT_TENANT,
      baseUrl: e.FEISHU_BASE_URL,
      requestTimeoutMs: e.FEISHU_REQUEST_TIMEOUT_MS,
      connection: e.FEISHU_CONNECTION,
    },
    wecom: {
      corpId: e.WECOM_CORP_ID,
      agentId: e.WECOM_AGENT_ID,
      secret: e.WECOM_SECRET,
      token: e.WECOM_TOKEN,
      encodingAesKey: e.WECOM_ENCODING_AES_KEY,
      defaultTenant: e.WECOM_DEFAULT_TENANT,
      baseUrl: e.WECOM_BASE_URL,
    },
  }
}
