/** jsdom lacks matchMedia, which antd's responsive helpers and useNarrowScreen call. */
export function installDomShims(): void {
  if (!window.matchMedia) {
    window.matchMedia = (query: string) =>
      ({
        matches: false,
        media: query,
        onchange: null,
        addListener: () => {},
        removeListener: () => {},
        addEventListener: () => {},
        removeEventListener: () => {},
        dispatchEvent: () => false,
      }) as MediaQueryList;
  }
  // jsdom cannot compute pseudo-element styles and logs about it; antd only measures scrollbars with them.
  const computeStyle = window.getComputedStyle.bind(window);
  window.getComputedStyle = (element: Element) => computeStyle(element);
  if (!('ResizeObserver' in window)) {
    class NoopResizeObserver {
      observe(): void {}
      unobserve(): void {}
      disconnect(): void {}
    }
    Object.defineProperty(window, 'ResizeObserver', { value: NoopResizeObserver, configurable: true });
  }
}

/**
 * The open antd dialog (Modal or Drawer) whose text matches. antd labels every dialog "test-id" under
 * NODE_ENV=test, so the accessible name cannot tell them apart.
 */
export async function findDialog(text: RegExp): Promise<HTMLElement> {
  const { screen, waitFor } = await import('@testing-library/react');
  return waitFor(() => {
    const found = screen.queryAllByRole('dialog').filter((dialog) => text.test(dialog.textContent ?? ''));
    const last = found.at(-1);
    if (!last) throw new Error(`没有找到内容匹配 ${text} 的对话框`);
    return last;
  });
}
