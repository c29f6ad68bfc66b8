/** Errors a service may throw; the error handler turns each into one status and one translated body. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly field?: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
  }
}

export const notFound = () => new HttpError(404, 'not_found');
export const forbidden = () => new HttpError(403, 'forbidden');
export const unauthenticated = () => new HttpError(401, 'unauthenticated');
export const conflict = (code: string, field?: string, params?: Record<string, string | number>) =>
  new HttpError(409, code, field, params);
export const invalid = (field: string, code: string, params?: Record<string, string | number>) =>
  new HttpError(400, code, field, params);
