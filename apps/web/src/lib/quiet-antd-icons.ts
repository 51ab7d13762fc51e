/**
 * antd draws its own icons inside its components (Select's arrow, Pagination's arrows, Alert's mark, the Sider's
 * collapse arrow, InputNumber's steppers, Steps' ticks, Input.Password's eye…) straight from @ant-design/icons, not
 * through lib/icons, so each is <span role="img" aria-label="down">: an English word read aloud in a Chinese page
 * (issue 21 point 2, "icons labelled"). antd's props reach only some of them (ConfigProvider's select.suffixIcon,
 * alert.*Icon, inputPassword.iconRender, tabs.moreIcon; not Pagination, InputNumber, Steps, Progress, Tree, the Sider
 * trigger), and replacing Select's arrow would also drop its search and loading icons. These icons only decorate a
 * control that has its own name (a Select's label, a Pagination item's title), so every antd icon still named in
 * English is made decorative as it appears. Our own icons come from lib/icons already decorative or with a Chinese
 * name, which a name with a non-ASCII character marks, and are left alone.
 */
const ENGLISH_NAME = /^[\x20-\x7e]+$/;
const SELECTOR = '.anticon[role="img"][aria-label]';
/**
 * Where antd's icon is a button's only content (Input.Search's button, Pagination's arrows), the English word was the
 * button's name: the button is named in Chinese instead, from its own or its parent's title (Pagination's 上一页,
 * from the zh_CN locale), else from this table.
 */
const CONTROL_NAMES: Record<string, string> = {
  search: '搜索', left: '上一页', right: '下一页', 'double-left': '向前 5 页', 'double-right': '向后 5 页',
  close: '关闭', 'close-circle': '清除', ellipsis: '更多',
};

/** InputNumber's steppers (rc-input-number) name themselves in English too, with no prop to change it. */
const STEPPERS: Record<string, string> = { 'Increase Value': '增加', 'Decrease Value': '减少' };

function quiet(el: Element) {
  const english = el.getAttribute('aria-label') ?? '';
  if (Object.hasOwn(STEPPERS, english)) {
    el.setAttribute('aria-label', STEPPERS[english]);
    return;
  }
  if (!el.matches(SELECTOR) || !ENGLISH_NAME.test(english)) return;
  el.removeAttribute('role');
  el.removeAttribute('aria-label');
  el.setAttribute('aria-hidden', 'true');
  const control = el.closest('button, [role="button"]');
  if (control && !control.getAttribute('aria-label') && !control.textContent?.trim()) {
    const name = control.getAttribute('title') || control.parentElement?.getAttribute('title') || CONTROL_NAMES[english];
    if (name) control.setAttribute('aria-label', name);
  }
}

/**
 * Quiets antd's English-named icons (and names its steppers in Chinese) under root, now and whenever they appear or
 * are renamed; returns the stop.
 */
export function quietAntdIcons(root: HTMLElement): () => void {
  const sweep = (node: Element) => {
    quiet(node);
    node.querySelectorAll(`${SELECTOR}, [role="button"][aria-label$=" Value"]`).forEach(quiet);
  };
  sweep(root);
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      // React sets a new aria-label on the same span when an icon changes (the password eye opening and closing).
      if (record.type === 'attributes') quiet(record.target as Element);
      else record.addedNodes.forEach((node) => { if (node instanceof Element) sweep(node); });
    }
  });
  observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-label', 'role'] });
  return () => observer.disconnect();
}
