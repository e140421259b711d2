import { writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { boot, exitOnBootError } from '../boot'
import { systemClock } from '../domain/clock'
import { buildAgreement } from '../usecases/agreement/build-agreement'

export const AGREEMENT_USAGE = `  agreement (--pair <id> | --supporting <医院> --receiving <医院>) [--item <其他事项>]... [--out file.docx] [--tenant ID]
      writes the support pair's 支援协议 in the shape of the Zhejiang 附件3 model agreement.`

/** `npm run cli -- agreement …`: the same document as GET /api/admin/support-pairs/:id/agreement. */
export async function agreementCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      pair: { type: 'string' },
      supporting: { type: 'string' },
      receiving: { type: 'string' },
      item: { type: 'string', multiple: true },
      out: { type: 'string' },
      tenant: { type: 'string' },
    },
  })
  if (!values.pair && !(values.supporting && values.receiving)) {
    console.error(`duikou: name the pair\n${AGREEMENT_USAGE}`)
    process.exit(2)
  }
  const { config, database } = await boot().catch(exitOnBootError)
  try {
    const result = await buildAgreement(
      { db: database.db, clock: systemClock },
      { tenantId: values.tenant ?? config.console.tenantId, pairId: values.pair, supportingName: values.supporting, receivingName: values.receiving, otherItems: values.item },
    )
    if (!result.ok) {
      console.error(`duikou: ${result.message}`)
      process.exitCode = 1
      return
    }
    const out = values.out ?? result.fileName
    writeFileSync(out, result.bytes)
    console.log(`已生成 ${out}`)
  } finally {
    await database.close()
  }
}
