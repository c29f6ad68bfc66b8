import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorBody } from '../../../core/api/common.schemas.ts';
import { HttpError } from './errors.ts';
import { fieldLabel, pickLocale, translate } from './messages.ts';

interface ZodLikeParams {
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  format?: string;
  expected?: string;
}

/** Maps a zod issue to one of Relais's message codes (see `errors.*` in the i18n catalogues). */
export function issueCode(
  keyword: string,
  message: string,
  params: ZodLikeParams,
): { code: string; params: Record<string, string | number> } {
  switch (keyword) {
    case 'invalid_type':
      return { code: /undefined|null/.test(message) ? 'required' : 'invalid_type', params: {} };
    case 'too_small':
      if (params.origin === 'string') {
        return Number(params.minimum) <= 1
          ? { code: 'required', params: {} }
          : { code: 'too_short', params: { min: Number(params.minimum) } };
      }
      if (params.origin === 'array') return { code: 'too_few', params: { min: Number(params.minimum) } };
      return { code: 'too_small', params: { min: Number(params.minimum) } };
    case 'too_big':
      if (params.origin === 'string') return { code: 'too_long', params: { max: Number(params.maximum) } };
      if (params.origin === 'array') return { code: 'too_many', params: { max: Number(params.maximum) } };
      return { code: 'too_big', params: { max: Number(params.maximum) } };
    case 'invalid_format':
      return { code: params.format === 'email' ? 'invalid_email' : 'invalid_format', params: {} };
    case 'invalid_value':
      return { code: 'invalid_choice', params: {} };
    case 'unrecognized_keys':
      return { code: 'unknown_field', params: {} };
    default:
      return { code: 'invalid', params: {} };
  }
}

export function errorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  const locale = req.actor?.locale ?? pickLocale(req.headers['accept-language']);
  const issueMessage = (field: string, code: string, params: Record<string, string | number>) =>
    translate(locale, `errors.${code}`, { ...params, field: fieldLabel(locale, field) });

  if (hasZodFastifySchemaValidationErrors(err)) {
    const issues = err.validation.map((v) => {
      const field =
        v.instancePath.replace(/^\//, '').replace(/\//g, '.') || (err.validationContext ?? 'body');
      const { code, params } = issueCode(v.keyword, v.message ?? '', v.params as ZodLikeParams);
      return { field, code, message: issueMessage(field, code, params) };
    });
    const body: ErrorBody = {
      error: 'validation_failed',
      message: translate(locale, 'errors.validation_failed'),
      issues,
    };
    return reply.status(400).send(body);
  }
  if (err instanceof HttpError) {
    const body: ErrorBody = {
      error: err.code,
      message: err.field
        ? issueMessage(err.field, err.code, err.params)
        : translate(locale, `errors.${err.code}`, err.params),
    };
    if (err.field) body.issues = [{ field: err.field, code: err.code, message: body.message }];
    return reply.status(err.status).send(body);
  }
  if (err.statusCode === 429) {
    return reply
      .status(429)
      .send({ error: 'rate_limited', message: translate(locale, 'errors.rate_limited') });
  }
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    const code = err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 'unsupported_media_type' : 'bad_request';
    return reply.status(err.statusCode).send({ error: code, message: translate(locale, `errors.${code}`) });
  }
  req.log.error({ err }, 'unhandled error');
  return reply.status(500).send({ error: 'internal', message: translate(locale, 'errors.internal') });
}
