// A git host on loopback that wants a password, in a process of its own (the publisher's git
// calls are synchronous, so a server in the test's own process would never answer them):
// `git http-backend` (git's smart-HTTP server, a CGI program) behind HTTP basic authentication.
//   node test/support/git-http-host.mjs <project root> <user> <password>
// Prints the port it listens on, then serves until it is killed.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';

const [projectRoot, user, password] = process.argv.slice(2);
const expected = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

const server = createServer((request, response) => {
  if (request.headers.authorization !== expected) {
    response.writeHead(401, { 'WWW-Authenticate': 'Basic realm="content"' });
    response.end();
    return;
  }
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const header = (name) => String(request.headers[name] ?? '');
  const cgi = spawn('git', ['http-backend'], {
    env: {
      ...process.env,
      GIT_PROJECT_ROOT: projectRoot,
      GIT_HTTP_EXPORT_ALL: '1',
      REQUEST_METHOD: request.method ?? 'GET',
      PATH_INFO: decodeURIComponent(url.pathname),
      QUERY_STRING: url.search.slice(1),
      CONTENT_TYPE: header('content-type'),
      ...(request.headers['content-length'] ? { CONTENT_LENGTH: header('content-length') } : {}),
      HTTP_CONTENT_ENCODING: header('content-encoding'),
      HTTP_GIT_PROTOCOL: header('git-protocol'),
      REMOTE_USER: user,
      REMOTE_ADDR: '127.0.0.1',
    },
  });
  request.pipe(cgi.stdin);
  // CGI: header lines, a blank line, then the body.
  let head = Buffer.alloc(0);
  let started = false;
  cgi.stdout.on('data', (chunk) => {
    if (started) {
      response.write(chunk);
      return;
    }
    head = Buffer.concat([head, chunk]);
    const end = head.indexOf('\r\n\r\n');
    if (end < 0) return;
    started = true;
    let status = 200;
    const headers = {};
    for (const line of head.subarray(0, end).toString('latin1').split('\r\n')) {
      const colon = line.indexOf(':');
      const [name, value] = [line.slice(0, colon).trim(), line.slice(colon + 1).trim()];
      if (name.toLowerCase() === 'status') status = Number.parseInt(value, 10);
      else headers[name] = value;
    }
    response.writeHead(status, headers);
    response.write(head.subarray(end + 4));
  });
  cgi.stdout.on('end', () => response.end());
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
