import { Input, Text } from '@mantine/core';
import { useId } from 'react';

/**
 * A labelled file input (the browser's own control: keyboard and screen readers know it), reporting the file
 * chosen, or null when the choice is cleared.
 */
export function FilePicker({
  label,
  description,
  accept,
  onFile,
  error,
}: {
  label: string;
  description?: string;
  accept: string;
  onFile: (file: File | null) => void;
  error?: string | null | undefined;
}) {
  const id = useId();
  return (
    <Input.Wrapper label={label} description={description} labelElement="label" id={id} error={error}>
      <Text component="div" size="sm" mt={4}>
        <input
          id={id}
          type="file"
          accept={accept}
          aria-invalid={error ? true : undefined}
          onChange={(event) => onFile(event.currentTarget.files?.[0] ?? null)}
        />
      </Text>
    </Input.Wrapper>
  );
}
