import { useId, useRef, type ReactNode } from 'react';
import { Button } from 'antd';
import { CameraOutlined, UploadOutlined } from '../lib/icons';

interface Props {
  /** The hidden input's accessible name (tests and screen readers find the input by it). */
  label: string;
  accept?: string;
  /** 'environment' opens the back camera on a phone (the inspector's photo on site). */
  capture?: 'environment' | 'user';
  multiple?: boolean;
  disabled?: boolean;
  loading?: boolean;
  block?: boolean;
  size?: 'small' | 'middle' | 'large';
  children?: ReactNode;
  onFiles: (files: File[]) => void;
}

/**
 * A button that opens the file chooser (or the camera); the hidden input carries the label. Without `capture`, a phone
 * offers the camera or the album for image/* (forcing the camera would hide photos taken earlier).
 */
export function PickFileButton({ label, accept, capture, multiple, disabled, loading, block, size, children, onFiles }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  return (
    <>
      <input
        ref={input}
        id={id}
        type="file"
        aria-label={label}
        accept={accept}
        capture={capture}
        multiple={multiple}
        disabled={disabled}
        style={{ display: 'none' }}
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          event.target.value = '';
          if (files.length) onFiles(files);
        }}
      />
      <Button
        size={size}
        block={block}
        icon={capture ? <CameraOutlined /> : <UploadOutlined />}
        disabled={disabled}
        loading={loading}
        onClick={() => input.current?.click()}
      >
        {children ?? label}
      </Button>
    </>
  );
}
