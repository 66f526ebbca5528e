import { Input } from 'antd';
import type { CSSProperties } from 'react';
import type { useAutosaveText } from './use-autosave-text.js';

/**
 * A text area bound to a `useAutosaveText` field: typing saves on each pause, leaving the field
 * saves at once. One place for the wiring the expert's notes, site findings, evidence and photo
 * captions share.
 */
export function AutosaveTextArea({
  field,
  label,
  placeholder = label,
  rows: [minRows, maxRows],
  style,
  testId,
}: {
  field: ReturnType<typeof useAutosaveText>;
  label: string;
  placeholder?: string;
  rows: [number, number];
  style?: CSSProperties;
  testId: string;
}) {
  return (
    <Input.TextArea
      aria-label={label}
      placeholder={placeholder}
      value={field.text}
      onChange={(e) => field.onChange(e.target.value)}
      onBlur={field.flush}
      autoSize={{ minRows, maxRows }}
      style={style}
      data-testid={testId}
    />
  );
}
