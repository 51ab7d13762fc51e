/**
 * Tables wider than the screen scroll sideways inside antd's `.ant-table-content`; a keyboard user can reach that
 * scroll area only if it takes focus (WCAG 2.1.1, axe's scrollable-region-focusable; issue 21 point 2). antd's Table
 * has no option for it, so one observer gives every scrolling table area a tab stop and a name, and takes them away
 * again when the table fits (a tab stop that does nothing is noise).
 */
const SCROLL_AREAS = '.ant-table-content, .ant-table-body';

function label(area: Element): string {
  const title = area.closest('.ant-card')?.querySelector('.ant-card-head-title')?.textContent?.trim();
  return `${title ? `${title}:` : ''}表格(可用方向键左右滚动)`;
}

export function markScrollAreas(root: ParentNode = document): void {
  for (const area of root.querySelectorAll<HTMLElement>(SCROLL_AREAS)) {
    const scrolls = area.scrollWidth > area.clientWidth + 1 || area.scrollHeight > area.clientHeight + 1;
    if (scrolls && !area.hasAttribute('tabindex')) {
      area.tabIndex = 0;
      area.setAttribute('role', 'region');
      area.setAttribute('aria-label', label(area));
    } else if (!scrolls && area.getAttribute('role') === 'region') {
      area.removeAttribute('tabindex');
      area.removeAttribute('role');
      area.removeAttribute('aria-label');
    }
  }
}

/** Watches the page for tables appearing, changing or the window resizing; returns the stop function. */
export function watchScrollAreas(): () => void {
  let frame = 0;
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(() => { frame = 0; markScrollAreas(); });
  };
  const observer = new MutationObserver(schedule);
  observer.observe(document.body, { childList: true, subtree: true });
  window.addEventListener('resize', schedule);
  schedule();
  return () => {
    observer.disconnect();
    window.removeEventListener('resize', schedule);
    cancelAnimationFrame(frame);
  };
}
