import { MAX_BODY_BYTES } from '../security/body-limit.js';

export type BodyRefusal = { status: 400 | 411 | 413; message: string };

/**
 * Refuses a request body the site could only answer with an error page: larger than any form
 * here sends, of unstated length (Next would buffer it, then cut it short), or multipart that
 * does not parse (Next's action handler answers those with a 500). Browsers always state the
 * length of a form post and send forms that parse, so readers never meet these. Undefined: the
 * body may go on.
 */
export async function checkRequestBody(request: Request): Promise<BodyRefusal | undefined> {
  if (request.method === 'GET' || request.method === 'HEAD') return undefined;
  const length = request.headers.get('content-length');
  if (length === null) {
    return request.body === null
      ? undefined
      : { status: 411, message: 'Send the length of the request body.' };
  }
  if (!/^\d{1,12}$/.test(length)) return { status: 400, message: 'Bad Content-Length.' };
  if (Number(length) > MAX_BODY_BYTES) {
    return { status: 413, message: `Request bodies here are at most ${MAX_BODY_BYTES} bytes.` };
  }
  // Parsed with the parser Next itself uses for a form posted without JavaScript (undici's), so
  // what passes here Next can read. It costs a comment post about 1.5 ms (BENCHMARKS.md).
  if (/^multipart\/form-data\b/i.test(request.headers.get('content-type') ?? '')) {
    try {
      await request.clone().formData();
    } catch {
      return { status: 400, message: 'The form in this request could not be read.' };
    }
  }
  return undefined;
}
