import { useId, useRef, type ReactNode } from 'react';
import { Button } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import type { FileCategory } from './api';

export const ACCEPT: Record<FileCategory, string | undefined> = {
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

/**
 * A button that opens the file chooser; the hidden input carries the label. Photos accept image/*, so phones offer
 * the camera or the album (a `capture` attribute would force the camera and hide photos taken earlier).
 */
export function FilePickButton({ category, label, children, disabled, loading, multiple = category === 'photo', size, onFiles }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  return (
    <>
      <input
        ref={input}
        id={id}
        type="file"
        aria-label={label}
        accept={ACCEPT[category]}
        multiple={multiple}
        disabled={disabled}
        style={{ display: 'none' }}
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          event.target.value = '';
          if (files.length) onFiles(files);
        }}
      />
      <Button size={size} icon={<UploadOutlined />} disabled={disabled} loading={loading} onClick={() => input.current?.click()}>
        {children ?? label}
      </Button>
    </>
  );
}
