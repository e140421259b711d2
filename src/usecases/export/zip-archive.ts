import { crc32, deflateRawSync } from 'node:zlib'

const encoder = new TextEncoder()

// zlib's fast levels (1–3) deflate the sheets' repetitive markup in about a third of the time of its default 6, for a
// file about a quarter larger: the month's workbook of 10 000 postings is 2.1 MB instead of 1.7 MB.
const DEFLATE_LEVEL = 2

/** A ZIP archive (deflated entries, no ZIP64: a month's workbook is megabytes) stamped with `stamp`. */
export function zip(files: [string, string | Uint8Array][], stamp: Date): Uint8Array {
  // MS-DOS time, which has no time zone; the file's readers are in Asia/Shanghai.
  const local = new Date(stamp.getTime() + 8 * 3600_000)
  const dosTime = (local.getUTCHours() << 11) | (local.getUTCMinutes() << 5) | (local.getUTCSeconds() >> 1)
  const dosDate = ((Math.max(1980, local.getUTCFullYear()) - 1980) << 9) | ((local.getUTCMonth() + 1) << 5) | local.getUTCDate()

  const chunks: Uint8Array[] = []
  const central: Uint8Array[] = []
  let offset = 0
  for (const [name, text] of files) {
    const nameBytes = encoder.encode(name)
    const data = typeof text === 'string' ? encoder.encode(text) : text
    const packed = deflateRawSync(data, { level: DEFLATE_LEVEL })
    const crc = crc32(data)
    const header = new DataView(new ArrayBuffer(30))
    header.setUint32(0, 0x04034b50, true)
    header.setUint16(4, 20, true)
    header.setUint16(8, 8, true)
    header.setUint16(10, dosTime, true)
    header.setUint16(12, dosDate, true)
    header.setUint32(14, crc, true)
    header.setUint32(18, packed.length, true)
    header.setUint32(22, data.length, true)
    header.setUint16(26, nameBytes.length, true)
    const entry = new DataView(new ArrayBuffer(46))
    entry.setUint32(0, 0x02014b50, true)
    entry.setUint16(4, 20, true)
    entry.setUint16(6, 20, true)
    entry.setUint16(10, 8, true)
    entry.setUint16(12, dosTime, true)
    entry.setUint16(14, dosDate, true)
    entry.setUint32(16, crc, true)
    entry.setUint32(20, packed.length, true)
    entry.setUint32(24, data.length, true)
    entry.setUint16(28, nameBytes.length, true)
    entry.setUint32(42, offset, true)
    chunks.push(new Uint8Array(header.buffer), nameBytes, packed)
    central.push(new Uint8Array(entry.buffer), nameBytes)
    offset += 30 + nameBytes.length + packed.length
  }
  const centralSize = central.reduce((sum, c) => sum + c.length, 0)
  const end = new DataView(new ArrayBuffer(22))
  end.setUint32(0, 0x06054b50, true)
  end.setUint16(8, files.length, true)
  end.setUint16(10, files.length, true)
  end.setUint32(12, centralSize, true)
  end.setUint32(16, offset, true)
  const all = [...chunks, ...central, new Uint8Array(end.buffer)]
  const out = new Uint8Array(all.reduce((sum, c) => sum + c.length, 0))
  let position = 0
  for (const c of all) {
    out.set(c, position)
    position += c.length
  }
  return out
}
