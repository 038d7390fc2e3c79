// Saves what an authenticated URL returns as a file: fetched with the bearer token, then handed
// to the browser as a Blob through a temporary link.

export async function downloadWithToken(fetchFn: typeof fetch, url: string, filename: string): Promise<void> {
  const response = await fetchFn(url);
  if (!response.ok) throw new Error(`download failed (${response.status})`);
  const blob = await response.blob();
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 1000);
}
