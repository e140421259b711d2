// Preloaded into a process the memory bench starts: on SIGUSR2 it prints its own heap and buffers, which /proc
// cannot tell apart from PGlite's WebAssembly memory.
process.on('SIGUSR2', () => {
  const m = process.memoryUsage()
  process.stdout.write(`memory ${JSON.stringify({ rss: m.rss, heapTotal: m.heapTotal, heapUsed: m.heapUsed, external: m.external, arrayBuffers: m.arrayBuffers })}\n`)
})
