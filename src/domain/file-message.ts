import { z } from 'zod'

/**
 * Platforms take a file in a message only after an upload, so the outbox row carries the bytes (base64) and the
 * sender uploads, then sends. Capped so an outbox row stays small; larger exports go through the CLI or admin API.
 */
export const MAX_OUTBOX_FILE_BYTES = 1024 * 1024

export const FileMessage = z.object({
  file: z.object({
    name: z.string().min(1).max(200),
    base64: z.base64().max(Math.ceil(MAX_OUTBOX_FILE_BYTES / 3) * 4),
  }),
})
export type FileMessage = z.infer<typeof FileMessage>
