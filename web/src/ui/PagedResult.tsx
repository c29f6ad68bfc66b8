import type { ReactNode } from 'react';
import { PageLoader } from '../app/RouteStates.tsx';
import { ErrorAlert } from './ErrorAlert.tsx';
import { Pager } from './Pager.tsx';

interface PagedResultProps<T extends { total: number }> {
  query: { isPending: boolean; isError: boolean; error: unknown; data: T | undefined };
  limit: number;
  offset: number;
  onOffsetChange: (offset: number) => void;
  /** Name of the pagination landmark. */
  label: string;
  /** Show a loader on the first load (the directory keeps its search box quiet instead). */
  withLoader?: boolean;
  children: (data: T) => ReactNode;
}

/** Loading, error, the page itself, then the pager: the frame every paged list shares. */
export function PagedResult<T extends { total: number }>({
  query,
  limit,
  offset,
  onOffsetChange,
  label,
  withLoader = true,
  children,
}: PagedResultProps<T>) {
  return (
    <>
      {withLoader && query.isPending && <PageLoader />}
      {query.isError && <ErrorAlert error={query.error} />}
      {query.data && (
        <>
          {children(query.data)}
          <Pager
            total={query.data.total}
            limit={limit}
            offset={offset}
            onChange={onOffsetChange}
            label={label}
          />
        </>
      )}
    </>
  );
}
