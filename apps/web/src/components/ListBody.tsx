import type { ReactNode } from 'react';
import { Empty, Skeleton } from 'antd';
import { useNarrowScreen } from '../lib/use-narrow-screen';
import { LoadError } from './LoadError';

/** The part of a TanStack query a list needs; a UseQueryResult fits as it is. */
interface QueryState {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
}

type Load =
  /** A list with its own query: skeleton while loading, the failure with a retry. */
  | { query: QueryState; errorTitle: string }
  /** A list already loaded with its parent (e.g. a round's villages): only empty / cards / table. */
  | { query?: undefined; errorTitle?: undefined };

type ListBodyProps<T> = Load & {
  /** The rows once loaded; undefined while the query has no data yet. */
  items: T[] | undefined;
  /** What the empty state says, e.g. 还没有运行记录. */
  empty: string;
  /** Skeleton height, roughly the rows the page usually shows. */
  skeletonRows?: number;
  /** Cards on a phone — and everywhere when there is no table. */
  cards: (items: T[]) => ReactNode;
  /** A table on wide screens; left out for lists that are cards on every screen. */
  table?: (items: T[]) => ReactNode;
};

/** One look for every list: loading → skeleton, failure → LoadError, nothing → Empty, else table or cards by screen width. */
export function ListBody<T>({ query, errorTitle, items, empty, skeletonRows = 5, cards, table }: ListBodyProps<T>) {
  const narrow = useNarrowScreen();
  if (query?.isPending) return <Skeleton active paragraph={{ rows: skeletonRows }} />;
  if (query?.isError) return <LoadError title={errorTitle ?? '加载失败'} error={query.error} onRetry={() => query.refetch()} />;
  const rows = items ?? [];
  if (rows.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />;
  return table && !narrow ? table(rows) : cards(rows);
}
