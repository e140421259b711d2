/**
 * Text of a CSV file. Excel on Chinese Windows saves “CSV (逗号分隔)” in GBK, so bytes that are not valid UTF-8 are
 * read as GB18030 (a superset of GBK) rather than turned into replacement characters.
 */
export function decodeCsv(bytes: Uint8Array): string {
  const withoutBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(withoutBom)
  } catch {
    return new TextDecoder('gb18030').decode(withoutBom)
  }
}

/**
 * Splits CSV text into records (RFC 4180: quoted fields may hold commas, quotes as "" and line breaks). Each record
 * is one row when Excel opens the file, so its index + 1 is the row number a person sees.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = []
  let record: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"' && field === '') quoted = true
    else if (ch === ',') {
      record.push(field)
      field = ''
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++
      record.push(field)
      records.push(record)
      record = []
      field = ''
    } else field += ch
  }
  if (field !== '' || record.length > 0) {
    record.push(field)
    records.push(record)
  }
  return records
}
