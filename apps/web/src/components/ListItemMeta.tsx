import { useContext, type ReactNode } from 'react';
import { ConfigProvider } from 'antd';

/**
 * antd's List.Item.Meta with its title as text, not an h4 (issue 21 point 2, "headings in order"): a list inside a
 * card under the page's h1 jumped from h1 to h4 (axe's heading-order), and an item's name is not a section of the
 * page. Same classes, so antd's list styles draw it as before.
 */
export function ListItemMeta({ title, description }: { title?: ReactNode; description?: ReactNode }) {
  const prefixCls = useContext(ConfigProvider.ConfigContext).getPrefixCls('list');
  return (
    <div className={`${prefixCls}-item-meta`}>
      <div className={`${prefixCls}-item-meta-content`}>
        {title != null && title !== false && <div className={`${prefixCls}-item-meta-title`}>{title}</div>}
        {description != null && description !== false && <div className={`${prefixCls}-item-meta-description`}>{description}</div>}
      </div>
    </div>
  );
}
