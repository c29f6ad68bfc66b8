import { Alert, List } from '@mantine/core';
import { useTranslation } from '../app/translator.ts';
import { ApiError } from '../app/api.ts';

interface ErrorAlertProps {
  error: unknown;
  /** Fields shown in the form: their messages appear under the field, the rest are listed here. */
  fields?: readonly string[];
}

/** The translated message of a failed call, plus any field issue the form cannot show itself. */
export function ErrorAlert({ error, fields = [] }: ErrorAlertProps) {
  const { t } = useTranslation();
  if (!error) return null;
  const apiError = error instanceof ApiError ? error : null;
  const message = apiError ? apiError.message : t('errors.internal');
  const others = apiError ? apiError.issues.filter((i) => !fields.includes(i.field)) : [];
  return (
    <Alert color="red" role="alert" title={message}>
      {others.length > 0 && (
        <List size="sm">
          {others.map((i) => (
            <List.Item key={`${i.field}-${i.code}`}>{i.message}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
