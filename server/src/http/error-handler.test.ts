import { describe, expect, it } from 'vitest';
import { issueCode } from './error-handler.ts';

describe('zod issues become Relais message codes', () => {
  it.each([
    ['invalid_type', 'Invalid input: expected string, received undefined', {}, 'required', {}],
    ['invalid_type', 'Invalid input: expected number, received string', {}, 'invalid_type', {}],
    ['too_small', '', { origin: 'string', minimum: 1 }, 'required', {}],
    ['too_small', '', { origin: 'string', minimum: 10 }, 'too_short', { min: 10 }],
    ['too_small', '', { origin: 'number', minimum: 3 }, 'too_small', { min: 3 }],
    ['too_big', '', { origin: 'string', maximum: 80 }, 'too_long', { max: 80 }],
    ['too_big', '', { origin: 'array', maximum: 30 }, 'too_many', { max: 30 }],
    ['invalid_format', '', { format: 'email' }, 'invalid_email', {}],
    ['invalid_value', '', {}, 'invalid_choice', {}],
    ['custom', '', {}, 'invalid', {}],
  ])('%s (%s) → %s', (keyword, message, params, code, outParams) => {
    expect(issueCode(keyword, message, params)).toEqual({ code, params: outParams });
  });
});
