import type { ComponentProps } from 'react';
import { theme, Typography } from 'antd';

type TitleProps = Omit<ComponentProps<typeof Typography.Title>, 'level'>;

/**
 * A page's title: its one h1 (issue 21 point 2, "headings in order"; axe's page-has-heading-one), drawn at the size
 * of antd's h4 as the pages' titles always were. The size comes from the theme's tokens, so 适老化 mode enlarges it.
 */
export function PageTitle({ style, ...props }: TitleProps) {
  const { token } = theme.useToken();
  return <Typography.Title level={1} style={{ margin: 0, fontSize: token.fontSizeHeading4, lineHeight: token.lineHeightHeading4, ...style }} {...props} />;
}

/**
 * A section's heading under the page's title: an h2 (axe's heading-order: no level skipped after the h1) drawn at the
 * size of antd's h5, as the sections' headings were.
 */
export function SectionTitle({ style, ...props }: TitleProps) {
  const { token } = theme.useToken();
  return <Typography.Title level={2} style={{ fontSize: token.fontSizeHeading5, lineHeight: token.lineHeightHeading5, ...style }} {...props} />;
}
