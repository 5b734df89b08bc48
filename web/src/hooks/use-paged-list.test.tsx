import { act, renderHook } from '@testing-library/preact';
import type { ComponentChildren } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { addOnTop } from '../lists/paged-list';
import { ToastContext } from './use-toasts';
import { usePagedList, type PageFetcher } from './use-paged-list';

interface Item {
  id: number;
}

interface Call {
  page: { limit: number; before?: number };
  signal: AbortSignal;
  resolve: (items: Item[]) => void;
  reject: (error: unknown) => void;
}

/** A fetcher whose answers the test gives, in any order; it ignores aborts, as a slow server's late answer would. */
function scriptedFetcher() {
  const calls: Call[] = [];
  const fetchPage: PageFetcher<Item> = (page, signal) =>
    new Promise<Item[]>((resolve, reject) => {
      calls.push({ page, signal, resolve, reject });
    });
  return { fetchPage, calls };
}

function items(from: number, to: number): Item[] {
  const list: Item[] = [];
  for (let id = from; id >= to; id -= 1) list.push({ id });
  return list;
}

function renderPagedList(initial: PageFetcher<Item> | null, pageSize = 3) {
  const toasts = { show: vi.fn(), showError: vi.fn() };
  const wrapper = ({ children }: { children: ComponentChildren }) => (
    <ToastContext.Provider value={toasts}>{children}</ToastContext.Provider>
  );
  const hook = renderHook(({ fetchPage }: { fetchPage: PageFetcher<Item> | null }) => usePagedList(fetchPage, pageSize), {
    wrapper,
    initialProps: { fetchPage: initial },
  });
  const ids = () => hook.result.current.items.map((item) => item.id);
  return { hook, toasts, ids };
}

/** Settles a request and lets the hook's handlers (then, catch, finally) run. */
async function settle(settleCall: () => void) {
  await act(async () => {
    settleCall();
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

const answer = (call: Call | undefined, page: Item[]) => settle(() => call!.resolve(page));
const fail = (call: Call | undefined, error: unknown) => settle(() => call!.reject(error));

describe('paged list hook', () => {
  it('loads the first page, newest first, then older pages before the smallest id held', async () => {
    const { fetchPage, calls } = scriptedFetcher();
    const { hook, ids } = renderPagedList(fetchPage);
    expect(hook.result.current.status).toBe('loading');
    expect(calls[0]!.page).toEqual({ limit: 3 });
    await answer(calls[0], [{ id: 8 }, { id: 10 }, { id: 9 }]);
    expect(hook.result.current.status).toBe('ready');
    expect(ids()).toEqual([10, 9, 8]);

    // An item added on top in between does not move the cursor.
    act(() => hook.result.current.update((list) => addOnTop(list, { id: 11 })));
    act(() => hook.result.current.loadMore());
    expect(hook.result.current.loadingMore).toBe(true);
    expect(calls[1]!.page).toEqual({ limit: 3, before: 8 });
    await answer(calls[1], items(7, 5));
    expect(ids()).toEqual([11, 10, 9, 8, 7, 6, 5]);
    expect(hook.result.current.loadingMore).toBe(false);
    expect(hook.result.current.list.hasMore).toBe(true);

    act(() => hook.result.current.loadMore());
    await answer(calls[2], items(4, 4));
    expect(calls[2]!.page.before).toBe(5);
    expect(hook.result.current.list.hasMore).toBe(false);
  });

  it('keeps one request in flight: "more" while a page loads does nothing', async () => {
    const { fetchPage, calls } = scriptedFetcher();
    const { hook } = renderPagedList(fetchPage);
    act(() => hook.result.current.loadMore());
    expect(calls).toHaveLength(1);
    await answer(calls[0], items(9, 7));
    act(() => hook.result.current.loadMore());
    act(() => hook.result.current.loadMore());
    expect(calls).toHaveLength(2);
    await answer(calls[1], items(6, 4));
    act(() => hook.result.current.loadMore());
    expect(calls).toHaveLength(3);
  });

  it('aborts the request in flight when the list starts over, and on unmount', async () => {
    const first = scriptedFetcher();
    const second = scriptedFetcher();
    const { hook } = renderPagedList(first.fetchPage);
    await answer(first.calls[0], items(9, 7));
    act(() => hook.result.current.loadMore());
    const more = first.calls[1]!;
    expect(more.signal.aborted).toBe(false);
    hook.rerender({ fetchPage: second.fetchPage });
    expect(more.signal.aborted).toBe(true);
    const restart = second.calls[0]!;
    expect(restart.signal.aborted).toBe(false);
    hook.unmount();
    expect(restart.signal.aborted).toBe(true);
  });

  it('drops answers for a list no longer shown, even when they come anyway', async () => {
    const first = scriptedFetcher();
    const second = scriptedFetcher();
    const { hook, toasts, ids } = renderPagedList(first.fetchPage);
    hook.rerender({ fetchPage: second.fetchPage });
    await answer(second.calls[0], items(3, 1));
    await answer(first.calls[0], items(90, 88));
    expect(ids()).toEqual([3, 2, 1]);

    // A "more" asked before a retry lands neither its page nor its error.
    act(() => hook.result.current.loadMore());
    const staleMore = second.calls[1]!;
    act(() => hook.result.current.retry());
    await fail(staleMore, new Error('late failure'));
    expect(toasts.showError).not.toHaveBeenCalled();
    await answer(staleMore, items(80, 78));
    expect(ids()).toEqual([]);
    expect(hook.result.current.status).toBe('loading');
    await answer(second.calls[2], items(5, 4));
    expect(ids()).toEqual([5, 4]);
  });

  it('reports a failed first page as an error, and loads again on retry', async () => {
    const { fetchPage, calls } = scriptedFetcher();
    const { hook, toasts, ids } = renderPagedList(fetchPage);
    const failure = new Error('down');
    await fail(calls[0], failure);
    expect(hook.result.current.status).toBe('error');
    expect(toasts.showError).toHaveBeenCalledWith(failure);
    act(() => hook.result.current.retry());
    expect(hook.result.current.status).toBe('loading');
    await answer(calls[1], items(2, 1));
    expect(ids()).toEqual([2, 1]);
  });

  it('keeps what it has when "more" fails, and says why', async () => {
    const { fetchPage, calls } = scriptedFetcher();
    const { hook, toasts, ids } = renderPagedList(fetchPage);
    await answer(calls[0], items(9, 7));
    act(() => hook.result.current.loadMore());
    await fail(calls[1], new Error('down'));
    expect(hook.result.current.loadingMore).toBe(false);
    expect(toasts.showError).toHaveBeenCalledTimes(1);
    expect(ids()).toEqual([9, 8, 7]);
    expect(hook.result.current.status).toBe('ready');
  });

  it('loads nothing without a fetcher, and starts when it gets one', async () => {
    const { fetchPage, calls } = scriptedFetcher();
    const { hook, ids } = renderPagedList(null);
    expect(hook.result.current.status).toBe('idle');
    act(() => hook.result.current.loadMore());
    expect(hook.result.current.loadingMore).toBe(false);
    hook.rerender({ fetchPage });
    expect(calls).toHaveLength(1);
    await answer(calls[0], items(1, 1));
    expect(ids()).toEqual([1]);
    hook.rerender({ fetchPage: null });
    expect(hook.result.current.status).toBe('idle');
    expect(ids()).toEqual([]);
  });
});
