/** The installed package's version, read at run time so `--version` and reports always match the package. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const VERSION: string = require('../../package.json').version;
