import { createDecipheriv, createHash } from 'node:crypto'

/**
 * Feishu's event encryption, decrypted with Node's own AES (also present on Workers under nodejs_compat):
 * AES-256-CBC, key = SHA-256 of the Encrypt Key, the IV = the first 16 bytes of the base64 payload, PKCS#7 padding.
 * It is what the SDK's AESCipher does; the SDK itself cannot load on Workers (it reads __dirname at import), and a
 * test holds the two to the same answers.
 */
export function feishuDecrypt(encryptKey: string, encrypt: string): string {
  const bytes = Buffer.from(encrypt, 'base64')
  const key = createHash('sha256').update(encryptKey).digest()
  const decipher = createDecipheriv('aes-256-cbc', key, bytes.subarray(0, 16))
  return Buffer.concat([decipher.update(bytes.subarray(16)), decipher.final()]).toString('utf8')
}
