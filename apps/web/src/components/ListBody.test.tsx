import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { installDomShims } from '../test/dom';
import { ListBody } from './ListBody';

beforeAll(installDomShims);
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const loaded = { isPending: false, isError: false, error: null, refetch: () => undefined };
const rows = [{ id: 1, name: '营子村' }];

function body(props: Partial<Parameters<typeof ListBody<{ id: number; name: string }>>[0]>) {
  return (
    <ListBody
      query={loaded}
      errorTitle="名单加载失败"
      items={rows}
      empty="还没有记录"
      cards={(items) => <div data-testid="cards">{items.map((r) => r.name).join('、')}</div>}
      table={(items) => <div data-testid="table">{items.length} 行</div>}
      {...props}
    />
  );
}

/** useNarrowScreen reads matchMedia; a phone is a query that matches. */
function onPhone() {
  vi.spyOn(window, 'matchMedia').mockImplementation(
    (query: string) =>
      ({ matches: true, media: query, addEventListener: () => {}, removeEventListener: () => {} }) as unknown as MediaQueryList,
  );
}

describe('ListBody', () => {
  it('shows a skeleton while loading, nothing of the list', () => {
    const { container } = render(body({ query: { ...loaded, isPending: true }, items: undefined }));
    expect(container.querySelector('.ant-skeleton')).not.toBeNull();
    expect(screen.queryByTestId('table')).toBeNull();
  });

  it('shows the failure with the server reason, and 重试 refetches', () => {
    const refetch = vi.fn();
    render(body({ query: { isPending: false, isError: true, error: new Error('服务器开小差了'), refetch }, items: undefined }));
    expect(screen.getByText('名单加载失败')).toBeTruthy();
    expect(screen.getByText('服务器开小差了')).toBeTruthy();
    // antd spaces out a two-character label: 重 试.
    fireEvent.click(screen.getByRole('button', { name: /重\s*试/ }));
    expect(refetch).toHaveBeenCalledTimes(1);
  });

  it('says so when the list is empty', () => {
    render(body({ items: [] }));
    expect(screen.getByText('还没有记录')).toBeTruthy();
    expect(screen.queryByTestId('table')).toBeNull();
  });

  it('shows the table on a wide screen and the cards on a phone', () => {
    render(body({}));
    expect(screen.getByTestId('table').textContent).toBe('1 行');
    cleanup();
    onPhone();
    render(body({}));
    expect(screen.getByTestId('cards').textContent).toBe('营子村');
    expect(screen.queryByTestId('table')).toBeNull();
  });

  it('uses the cards on every screen when there is no table, and needs no query for a list already loaded', () => {
    render(body({ query: undefined, errorTitle: undefined, table: undefined }));
    expect(screen.getByTestId('cards').textContent).toBe('营子村');
  });
});
