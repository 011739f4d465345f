/** Input the access model cannot read. The message names the file, JSON pointer and fix (the CLI exits 2). */
export class ModelInputError extends Error {
  constructor(readonly file: string, readonly pointer: string, readonly problem: string, readonly fix: string) {
    super(`${file}: ${pointer ? pointer + ': ' : ''}${problem}. Fix: ${fix}`);
    this.name = 'ModelInputError';
  }
}
