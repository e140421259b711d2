import { randomBytes } from 'node:crypto'
import * as lark from '@larksuiteoapi/node-sdk'
import { describe, expect, test } from 'vitest'
import { feishuDecrypt } from '../src/platforms/feishu/decrypt'
import { feishuEncrypt } from './support/feishu'

describe('Feishu decryption (the runtime path, which must also load on Workers)', () => {
  test('the documented vector: "test key" decrypts P37w+… to "hello world"', () => {
    expect(feishuDecrypt('test key', 'P37w+VZImNgPEO1RBhJ6RtKl7n6zymIbEG1pReEzghk=')).toBe('hello world')
  })

  test('agrees with the SDK’s AESCipher on random keys and payloads, Chinese included', () => {
    for (let i = 0; i < 50; i++) {
      const key = randomBytes(12).toString('base64')
      const text = JSON.stringify({ i, text: `签到 ${randomBytes(i).toString('hex')}` })
      const encrypted = feishuEncrypt(text, key)
      expect(feishuDecrypt(key, encrypted)).toBe(new lark.AESCipher(key).decrypt(encrypted))
      expect(feishuDecrypt(key, encrypted)).toBe(text)
    }
  })

  test('a payload encrypted with another key does not decrypt to the text', () => {
    const encrypted = feishuEncrypt('{"a":1}', 'right key')
    expect(() => JSON.parse(feishuDecrypt('wrong key', encrypted))).toThrow()
  })
})
