import type { FetchedFile } from '../domain/inbound'

/**
 * Reads a download of a chat file, refusing (without reading on) one larger than `maxBytes`, whether its
 * Content-Length says so or the bytes do. A JSON answer is the platform's error, thrown for the inbox to retry.
 */
export async function readDownload(response: Response, maxBytes: number, what: string): Promise<FetchedFile> {
  const type = response.headers.get('content-type') ?? ''
  if (response.status !== 200 || type.includes('application/json')) {
    const body = await response.text().catch(() => '')
    throw new Error(`${what}: HTTP ${response.status} ${body.slice(0, 200)}`.trim())
  }
  const length = Number(response.headers.get('content-length'))
  if (Number.isFinite(length) && length > maxBytes) {
    await response.body?.cancel()
    return { ok: false, tooLarge: true }
  }
  const chunks: Uint8Array[] = []
  let total = 0
  const reader = response.body!.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > maxBytes) {
      await reader.cancel()
      return { ok: false, tooLarge: true }
    }
    chunks.push(value)
  }
  const bytes = new Uint8Array(total)
  let at = 0
  for (const chunk of chunks) {
    bytes.set(chunk, at)
    at += chunk.byteLength
  }
  return { ok: true, bytes }
}
