/** Bad input from a user: names the field and, where there is a closed set, the allowed values.
 * The CLI prints the message on one line and exits 2; the server answers 400. */
export class InputError extends Error {
  constructor(
    readonly field: string,
    message: string,
    readonly allowed?: readonly string[],
  ) {
    super(`${field}: ${message}`);
    this.name = 'InputError';
  }
}
