// How messages name where an article came from: its file (and line), standard input, or its id.

/** Where an article came from, as messages and the report name it. */
export function sourceLabel(file: string | null, id: string): string {
  if (file === null) return id;
  return file === '-' || file.startsWith('-:') ? `<stdin>${file.slice(1)}` : file;
}
