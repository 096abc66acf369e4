// free-port.ts — a TCP port that nothing listens on right now, for a preview server this process starts.
// Asking the OS for port 0 and closing the socket leaves a short window in which another program could
// take the port; the server we start then fails to bind and says so, instead of us testing a server
// we did not start.
import { createServer } from 'node:net';

export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('the OS gave no port'))));
    });
  });
}
