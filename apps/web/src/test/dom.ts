/**
 * jsdom's getComputedStyle, remembered until the document next changes. Testing Library asks for the computed style
 * of every element a role query or an accessible name looks at, and of all their ancestors, again on every retry of a
 * findBy or waitFor; jsdom 29 builds the whole cascaded style and walks the ancestors for each inherited property on
 * every call (about two thirds of the web tests' time before). A MutationObserver's pending records say,
 * synchronously, whether anything changed since the last call (an attribute, a class, a style element, a child):
 * then every remembered value is dropped. Pseudo-elements are not asked for: jsdom cannot compute them and logs
 * about it; antd only measures scrollbars with them.
 */
function rememberedComputedStyle(): typeof window.getComputedStyle {
  const compute = window.getComputedStyle.bind(window);
  const changes = new MutationObserver(() => {});
  changes.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  let remembered = new WeakMap<Element, CSSStyleDeclaration>();
  const rememberedStyle = (element: Element) => {
    if (changes.takeRecords().length > 0) remembered = new WeakMap();
    let style = remembered.get(element);
    if (!style) {
      style = remember(() => compute(element));
      remembered.set(element, style);
    }
    return style;
  };
  return Object.assign(rememberedStyle, { remembered: true as const });
}

/** A read-only view of a computed style that computes it on first use, and each property once. */
function remember(compute: () => CSSStyleDeclaration): CSSStyleDeclaration {
  let computed: CSSStyleDeclaration | undefined;
  const style = () => (computed ??= compute());
  const values = new Map<string | symbol, unknown>();
  const propertyValue = (name: string) => {
    const key = `getPropertyValue:${name}`;
    if (!values.has(key)) values.set(key, style().getPropertyValue(name));
    return values.get(key) as string;
  };
  return new Proxy({} as CSSStyleDeclaration, {
    has: (_target, key) => Reflect.has(style(), key),
    get(_target, key) {
      if (key === 'getPropertyValue') return propertyValue;
      if (values.has(key)) return values.get(key);
      const value: unknown = Reflect.get(style(), key);
      if (typeof value === 'function') return (value as (...args: unknown[]) => unknown).bind(style());
      values.set(key, value);
      return value;
    },
  });
}

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
  if (!(window.getComputedStyle as { remembered?: true }).remembered) window.getComputedStyle = rememberedComputedStyle();
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
