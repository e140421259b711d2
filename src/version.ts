import pkg from '../package.json' with { type: 'json' }

/** The running version, bundled from package.json (a Worker has no file system to read it from). */
export const VERSION: string = pkg.version
