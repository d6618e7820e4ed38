import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';

const BODY = JSON.stringify({
  code: 'REQUEST_HEADER_FIELDS_TOO_LARGE',
  message: 'The request headers are larger than this server accepts (16 KB); send a shorter token or fewer cookies',
});

/**
 * Node answers headers over its limit before any route sees them, with a bare 431 and no body. Clients match on
 * our stable codes, so this one gets its JSON body too; every other malformed request keeps Node's answer.
 */
export function answerOversizedHeadersWithJson(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (!socket.writable) return void socket.destroy();
    if (error.code === 'HPE_HEADER_OVERFLOW') {
      socket.end(
        'HTTP/1.1 431 Request Header Fields Too Large\r\nContent-Type: application/json; charset=utf-8\r\n' +
          `Content-Length: ${Buffer.byteLength(BODY)}\r\nConnection: close\r\n\r\n${BODY}`,
      );
      return;
    }
    const status = error.code === 'HPE_REQUEST_TIMEOUT' || error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
  });
}
