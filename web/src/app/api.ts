import type { ErrorBody } from '../../../core/api/common.schemas.ts';
import { takeEarly } from './early.ts';
import { currentLocale, i18n } from './i18n.ts';

export type Issue = NonNullable<ErrorBody['issues']>[number];

/** Any failed call: Relais's own error body, or a better-auth code translated here (its English text is never shown). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: Issue[] = [],
  ) {
    super(message);
  }

  fieldError(field: string): string | undefined {
    return this.issues.find((i) => i.field === field)?.message;
  }
}

export function fieldError(error: unknown, field: string): string | undefined {
  return error instanceof ApiError ? error.fieldError(field) : undefined;
}

function authMessage(code: string, status: number): string {
  if (status === 429) return i18n.t('errors.rate_limited');
  const key = `authErrors.${code}`;
  if (i18n.exists(key)) return i18n.t(key);
  if (status === 401) return i18n.t('errors.unauthenticated');
  if (status === 403) return i18n.t('errors.forbidden');
  if (status === 404) return i18n.t('errors.not_found');
  if (status >= 400 && status < 500) return i18n.t('errors.bad_request');
  return i18n.t('errors.internal');
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

export async function api<T>(
  path: string,
  options: { method?: string; body?: unknown; signal?: AbortSignal } = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': currentLocale() };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    const early = options.method === undefined ? await takeEarly(path) : undefined;
    response = early?.ok
      ? early
      : await fetch(path, {
          method: options.method ?? 'GET',
          credentials: 'same-origin',
          headers,
          body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
          signal: options.signal,
        });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network', i18n.t('errors.network'));
  }
  const text = await response.text();
  const data = text ? parse(text) : null;
  if (!response.ok) {
    if (isRecord(data) && typeof data.error === 'string' && typeof data.message === 'string') {
      const issues = Array.isArray(data.issues) ? (data.issues as Issue[]) : [];
      throw new ApiError(response.status, data.error, data.message, issues);
    }
    const code =
      response.status === 429
        ? 'rate_limited'
        : isRecord(data) && typeof data.code === 'string'
          ? data.code
          : `http_${response.status}`;
    throw new ApiError(response.status, code, authMessage(code, response.status));
  }
  return data as T;
}

export const post = <T>(path: string, body: unknown = {}) => api<T>(path, { method: 'POST', body });
export const patch = <T>(path: string, body: unknown) => api<T>(path, { method: 'PATCH', body });
