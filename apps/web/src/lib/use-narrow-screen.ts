import { useCallback, useSyncExternalStore } from 'react';

/** Matches antd's `md` breakpoint: below it the layout stacks and text grows to 16px. */
const NARROW_QUERY = '(max-width: 767.98px)';
/** The system's "reduce motion" (an accessibility setting): antd's dropdowns and drawers then appear without sliding. */
const REDUCED_MOTION_QUERY = '(prefers-reduced-motion: reduce)';

function useMediaQuery(query: string): boolean {
  // Stable per query: a new subscribe function would make React subscribe again on every render.
  const subscribe = useCallback((onChange: () => void) => {
    if (typeof window === 'undefined' || !window.matchMedia) return () => {};
    const list = window.matchMedia(query);
    list.addEventListener('change', onChange);
    return () => list.removeEventListener('change', onChange);
  }, [query]);
  const getSnapshot = useCallback(() => typeof window !== 'undefined' && !!window.matchMedia && window.matchMedia(query).matches, [query]);
  return useSyncExternalStore(subscribe, getSnapshot, () => false);
}

export function useNarrowScreen(): boolean {
  return useMediaQuery(NARROW_QUERY);
}

export function useReducedMotion(): boolean {
  return useMediaQuery(REDUCED_MOTION_QUERY);
}
