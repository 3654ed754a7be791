/** A short description of a failed answer for the notes: status and the first error's message or code. */
export function describeFailure(status: number, text: string): string {
  let detail = text.slice(0, 160);
  try {
    const body = JSON.parse(text) as { errors?: { message?: string; extensions?: { code?: string } }[]; error?: { status?: number; message?: string } };
    const first = body.errors?.[0];
    if (first) detail = `${first.extensions?.code ?? ''} ${first.message ?? ''}`.trim();
    else if (body.error) detail = body.error.message ?? `upstream ${body.error.status}`;
    else detail = 'incomplete answer';
  } catch {
    // not JSON: keep the text
  }
  return `HTTP ${status}: ${detail.slice(0, 160)}`;
}
