/** An error with an HTTP status and a message-catalogue key; the error handler renders it. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly messageKey: string,
    readonly params: Record<string, unknown> = {},
  ) {
    super(messageKey);
  }
}
