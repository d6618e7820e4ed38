/**
 * Hands a fetched file to the browser's own download. The API needs the bearer header, which a plain link
 * cannot send, so the file is fetched first and saved through a temporary object URL.
 */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  document.body.appendChild(link);
  try {
    link.click();
  } finally {
    link.remove();
    // Some browsers start reading the URL only after the click handler returns.
    setTimeout(() => URL.revokeObjectURL(url), 1_000);
  }
}
