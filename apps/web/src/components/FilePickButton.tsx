import type { ReactNode } from 'react';
import type { FILE_CATEGORIES } from '@dj/contracts';
import { PickFileButton } from './PickFileButton';

type FileCategory = (typeof FILE_CATEGORIES)[number];

const ACCEPT: Record<FileCategory, string | undefined> = {
  photo: 'image/*',
  plan: '.pdf,.doc,.docx,.wps,.txt,image/*',
  material: '.pdf,.doc,.docx,.wps,.ppt,.pptx,.txt,image/*',
  attachment: undefined,
};

interface Props {
  category: FileCategory;
  label: string;
  children?: ReactNode;
  disabled?: boolean;
  loading?: boolean;
  multiple?: boolean;
  size?: 'small' | 'middle';
  onFiles: (files: File[]) => void;
}

/** The shared file button with what a record's file category accepts; photos may come several at a time. */
export function FilePickButton({ category, multiple = category === 'photo', ...rest }: Props) {
  return <PickFileButton accept={ACCEPT[category]} multiple={multiple} {...rest} />;
}
