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
