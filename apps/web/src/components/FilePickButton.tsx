import type { ReactNode } from 'react';
import { uploadAccept, type FILE_CATEGORIES } from '@dj/contracts';
import { PickFileButton } from './PickFileButton';

type FileCategory = (typeof FILE_CATEGORIES)[number];

// What the server's upload policy takes (packages/contracts/src/uploads.ts); photos keep image/*, which opens the
// camera or gallery on a phone. (Materials used to offer .ppt/.pptx, which the server refused.)
const DOCUMENTS = uploadAccept('activityMaterial');
const ACCEPT: Record<FileCategory, string | undefined> = {
  photo: 'image/*',
  plan: DOCUMENTS,
  material: DOCUMENTS,
  attachment: DOCUMENTS,
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
