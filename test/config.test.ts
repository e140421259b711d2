import { resolve } from 'node:path'
import { describe, expect, test } from 'vitest'
import { ConfigError, parseConfig } from '../src/config'
import { configOf } from '../src/worker'

describe('configuration from the environment', () => {
  test('defaults: embedded PGlite in ./.data, port 8787 on 127.0.0.1, local trial mode with the console on', () => {
    const config = parseConfig({})
    expect(config.database).toEqual({ driver: 'pglite', dataDir: resolve('.data/pglite') })
    expect(config.port).toBe(8787)
    expect(config.host).toBe('127.0.0.1')
    expect(config.trial).toBe(true)
    expect(config.console.enabled).toBe(true)
  })

  test.each([
    [{ DATABASE_URL: 'postgres://127.0.0.1/duikou' }, false, false],
    [{ DATABASE_URL: 'memory://' }, false, false],
    [{ FEISHU_APP_ID: 'cli_0123456789abcdef', FEISHU_ENCRYPT_KEY: 'k' }, false, false],
    [{ WECOM_CORP_ID: 'ww1' }, false, false],
    [{ HOST: '0.0.0.0' }, true, false],
    [{ CONSOLE_ENABLED: 'false' }, true, false],
    [{ DATABASE_URL: 'memory://', CONSOLE_ENABLED: 'true' }, false, true],
  ])('trial mode and console with %o: trial %s, console %s', (env, trial, consoleOn) => {
    const config = parseConfig(env)
    expect(config.trial).toBe(trial)
    expect(config.console.enabled).toBe(consoleOn)
  })

  test.each([
    ['memory://', { driver: 'pglite', dataDir: null }],
    ['postgres://u:p@db.example:5432/duikou', { driver: 'postgres', url: 'postgres://u:p@db.example:5432/duikou' }],
    ['postgresql://127.0.0.1/test', { driver: 'postgres', url: 'postgresql://127.0.0.1/test' }],
  ])('DATABASE_URL=%s', (url, expected) => {
    expect(parseConfig({ DATABASE_URL: url }).database).toEqual(expected)
  })

  test.each([
    [{ DATABASE_URL: 'mysql://localhost/x' }, 'DATABASE_URL must start with postgres://'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL must be postgres://'],
    [{ PORT: 'eighty' }, 'PORT must be a whole number'],
    [{ PORT: '70000' }, 'PORT must be a whole number'],
    [{ CONSOLE_ENABLED: 'yes' }, 'CONSOLE_ENABLED must be "true" or "false"'],
    [{ ADMIN_TOKEN: 'short' }, 'ADMIN_TOKEN must be at least 16 characters'],
  ])('rejects %o naming the variable', (env, message) => {
    expect(() => parseConfig(env)).toThrow(ConfigError)
    expect(() => parseConfig(env)).toThrow(message)
  })

  test('lists every bad variable at once', () => {
    expect(() => parseConfig({ PORT: 'x', CONSOLE_ENABLED: '1' })).toThrow(/PORT[\s\S]*CONSOLE_ENABLED|CONSOLE_ENABLED[\s\S]*PORT/)
  })

  test('an empty variable counts as unset', () => {
    expect(parseConfig({ DATABASE_URL: '', PORT: '' }).port).toBe(8787)
  })

  test.each([
    [{ FEISHU_APP_ID: 'cli_x', FEISHU_VERIFICATION_TOKEN: 'token' }, 'FEISHU_ENCRYPT_KEY must be set whenever Feishu is configured (FEISHU_APP_ID, FEISHU_VERIFICATION_TOKEN set)'],
    [{ FEISHU_BASE_URL: 'http://127.0.0.1:1' }, 'FEISHU_ENCRYPT_KEY must be set'],
    [{ CONSOLE_ENABLED: 'true', HOST: '0.0.0.0' }, 'CONSOLE_ENABLED=true needs HOST to be a loopback address (127.0.0.1, ::1 or localhost), not 0.0.0.0'],
    [{ CONSOLE_ENABLED: 'true', HOST: '192.168.1.10' }, 'not 192.168.1.10'],
    [{ ADMIN_TOKENS: 'henan' }, 'ADMIN_TOKENS must be tenant:token pairs'],
    [{ ADMIN_TOKENS: 'henan:short' }, 'ADMIN_TOKENS must be tenant:token pairs'],
    [{ ADMIN_TOKENS: ':0123456789abcdef' }, 'ADMIN_TOKENS must be tenant:token pairs'],
  ])('authentication cannot be switched off by omission: %o is refused', (env, message) => {
    expect(() => parseConfig(env)).toThrow(ConfigError)
    expect(() => parseConfig(env)).toThrow(message)
  })

  test.each(['127.0.0.1', '127.0.0.2', 'localhost', '::1', '[::1]'])('the console may listen on %s', (host) => {
    expect(parseConfig({ CONSOLE_ENABLED: 'true', HOST: host }).console.enabled).toBe(true)
  })

  test('ADMIN_TOKENS binds each token to its tenants, beside ADMIN_TOKEN', () => {
    const config = parseConfig({ ADMIN_TOKEN: 'all-tenants-token-0123', ADMIN_TOKENS: 'henan:henan-token-0123456789, yantai:yantai-token-012345678,zhejiang:henan-token-0123456789' })
    expect(config.adminToken).toBe('all-tenants-token-0123')
    expect(config.adminTokens).toEqual([
      { token: 'henan-token-0123456789', tenants: ['henan', 'zhejiang'] },
      { token: 'yantai-token-012345678', tenants: ['yantai'] },
    ])
  })

  test('FEISHU_CONNECTION: webhook unless websocket is asked for; anything else is refused', () => {
    expect(parseConfig({}).feishu.connection).toBe('webhook')
    const ws = { FEISHU_CONNECTION: 'websocket', FEISHU_APP_ID: 'cli_a1b2c3d4e5f60718', FEISHU_APP_SECRET: 'secret', FEISHU_ENCRYPT_KEY: 'key' }
    expect(parseConfig(ws).feishu.connection).toBe('websocket')
    expect(() => parseConfig({ FEISHU_CONNECTION: 'ws' })).toThrow('FEISHU_CONNECTION must be "webhook" or "websocket"')
  })

  test.each([
    [{ FEISHU_APP_ID: 'cli_test_app', FEISHU_APP_SECRET: 'secret' }],
    [{ FEISHU_APP_ID: 'cli_a1b2c3d4e5f60718' }],
    [{}],
  ])('FEISHU_CONNECTION=websocket with %o says what the long connection needs (the SDK would start nothing)', (env) => {
    expect(() => parseConfig({ FEISHU_CONNECTION: 'websocket', ...env })).toThrow('FEISHU_CONNECTION=websocket needs FEISHU_APP_ID (cli_ and 16 hex digits')
  })

  test('a Worker refuses FEISHU_CONNECTION=websocket and says to use webhook there', () => {
    const env = { DATABASE_URL: 'postgres://127.0.0.1/duikou', FEISHU_APP_ID: 'cli_a1b2c3d4e5f60718', FEISHU_APP_SECRET: 'secret', FEISHU_ENCRYPT_KEY: 'key' }
    expect(configOf(env).feishu.connection).toBe('webhook')
    expect(() => configOf({ ...env, FEISHU_CONNECTION: 'websocket' })).toThrow(/needs a long-running Node server.*on Workers Feishu events arrive by webhook/)
  })
})
