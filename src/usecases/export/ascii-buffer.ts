/** A growing byte buffer for XML known to be ASCII (markup, cell references, numbers). */
export class AsciiBuffer {
  private buffer = new Uint8Array(1 << 16)
  private length = 0

  private room(bytes: number): Uint8Array {
    if (this.length + bytes > this.buffer.length) {
      const grown = new Uint8Array(Math.max(this.buffer.length * 2, this.length + bytes))
      grown.set(this.buffer.subarray(0, this.length))
      this.buffer = grown
    }
    return this.buffer
  }

  bytes(part: Uint8Array): void {
    const buffer = this.room(part.length)
    // Parts are a few bytes long: a loop beats set() and its call overhead.
    for (let i = 0; i < part.length; i++) buffer[this.length + i] = part[i]!
    this.length += part.length
  }

  text(text: string): void {
    const buffer = this.room(text.length)
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i)
      if (code > 0x7f) throw new Error(`non-ASCII character in sheet markup: ${text}`)
      buffer[this.length + i] = code
    }
    this.length += text.length
  }

  /** A non-negative integer's decimal digits, as `${n}` writes them. */
  integer(n: number): void {
    if (n < 10) {
      this.room(1)[this.length++] = 48 + n
      return
    }
    // Integers here are shared string ids and row numbers, well within int32: `| 0` truncates as Math.floor would.
    let digits = 1
    for (let rest = n; rest >= 10; rest = (rest / 10) | 0) digits++
    const buffer = this.room(digits)
    for (let i = this.length + digits - 1, rest = n; i >= this.length; i--, rest = (rest / 10) | 0) buffer[i] = 48 + (rest % 10)
    this.length += digits
  }

  /** A finite number as `${value}` writes it. */
  number(value: number): void {
    if (Number.isInteger(value) && value >= 0 && value <= 0x7fffffff) this.integer(value)
    else this.text(String(value))
  }

  result(): Uint8Array {
    return this.buffer.subarray(0, this.length)
  }
}

