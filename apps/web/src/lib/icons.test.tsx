// Issue 21 point 2, "icons labelled": lib/icons' icons are silent beside text and carry the Chinese name they are
// given, never @ant-design/icons' English one; antd's own icons are quieted by quiet-antd-icons.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { Button, InputNumber, Pagination } from 'antd';
import { DeleteOutlined, DownloadOutlined, PlusOutlined } from './icons';
import { quietAntdIcons } from './quiet-antd-icons';
import { installDomShims } from '../test/dom';

beforeAll(installDomShims);
afterEach(cleanup);

describe('lib/icons', () => {
  it('draws an icon beside text as decoration: hidden from screen readers, no role, no English name', () => {
    const { container } = render(<Button icon={<PlusOutlined />}>新增</Button>);
    const icon = container.querySelector('.anticon-plus')!;
    expect(icon.getAttribute('aria-hidden')).toBe('true');
    expect(icon.hasAttribute('role')).toBe(false);
    expect(icon.hasAttribute('aria-label')).toBe(false);
    expect(screen.getByRole('button').textContent).toBe('新增');
    expect(screen.queryAllByRole('img')).toEqual([]);
  });

  it('keeps an icon that means something alone as an image with the Chinese name it is given', () => {
    render(<DeleteOutlined aria-label="删除资金来源" />);
    const icon = screen.getByRole('img', { name: '删除资金来源' });
    expect(icon.hasAttribute('aria-hidden')).toBe(false);
  });

  it('passes the other props and the ref through', () => {
    let span: HTMLSpanElement | null = null;
    render(<DownloadOutlined ref={(el) => { span = el; }} className="extra" style={{ color: 'red' }} />);
    expect(span).not.toBeNull();
    expect(span!.className).toContain('extra');
    expect(span!.style.color).toBe('red');
  });
});

describe('quietAntdIcons', () => {
  it('quiets antd’s own English-named icons, present and added later, and names a button they were the only content of', async () => {
    const { container, rerender } = render(<Pagination total={50} current={2} />);
    const stop = quietAntdIcons(container);
    expect(container.querySelectorAll('[role="img"]')).toHaveLength(0);
    // The arrows' buttons were named "left" and "right" by their icons; now by the items' zh_CN titles.
    const prev = container.querySelector('.ant-pagination-prev button')!;
    expect(prev.getAttribute('aria-label')).toMatch(/上一页|Previous Page/);
    rerender(<><Pagination total={50} current={2} /><Button icon={<span role="img" aria-label="search" className="anticon" />} /></>);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(container.querySelectorAll('[role="img"]')).toHaveLength(0);
    expect(screen.getByRole('button', { name: '搜索' })).toBeTruthy();
    stop();
  });

  it('names InputNumber’s steppers in Chinese', () => {
    const { container } = render(<InputNumber aria-label="人数" />);
    quietAntdIcons(container)();
    expect(screen.getByRole('button', { name: '增加' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '减少' })).toBeTruthy();
    expect(container.querySelectorAll('[role="img"]')).toHaveLength(0);
  });

  it('leaves an icon with a Chinese name alone', () => {
    const { container } = render(<DeleteOutlined aria-label="删除" />);
    quietAntdIcons(container)();
    expect(screen.getByRole('img', { name: '删除' })).toBeTruthy();
  });
});
